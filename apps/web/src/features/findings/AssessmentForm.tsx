import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import {
  assessmentCategories,
  assessmentStatuses,
  type FindingsAssessment,
  type UpdateAssessmentBody,
  useUpdateAssessment,
} from './use-findings';

const text = (data: FormData, name: string) => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
};

export function AssessmentForm({ assessment, onReload }: { assessment: FindingsAssessment; onReload: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const update = useUpdateAssessment();
  const errors = fieldErrorsOf(update.error);
  const [folderId, setFolderId] = useState<string | null>(assessment.folderId);
  const [category, setCategory] = useState<string>(assessment.category);
  const [status, setStatus] = useState<string>(assessment.status);
  const editable = assessment.abilities.update;

  const submit = async (data: FormData) => {
    const body: UpdateAssessmentBody & { id: string } = {
      id: assessment.id,
      version: assessment.version,
      name: String(data.get('name') ?? ''),
      refId: text(data, 'refId'),
      description: text(data, 'description'),
      category: category as FindingsAssessment['category'],
      status: status as FindingsAssessment['status'],
      ...(folderId && folderId !== assessment.folderId ? { folderId } : {}),
    };
    await update.mutateAsync(body);
    notifySuccess(t('common:states.saved'));
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
    >
      <Fieldset legend={t('details')} disabled={!editable}>
        <Stack>
          <FormAlert
            error={update.error}
            fields={['name', 'refId', 'description', 'category', 'status', 'folderId']}
            onReload={onReload}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={assessment.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={assessment.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            defaultValue={assessment.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('fields.category')}
              data={assessmentCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              value={category}
              onChange={(value) => setCategory(value ?? assessment.category)}
              allowDeselect={false}
              error={errors.category}
            />
            <Select
              label={t('fields.status')}
              data={assessmentStatuses.map((s) => ({ value: s, label: t(`assessmentStatus.${s}`) }))}
              value={status}
              onChange={(value) => setStatus(value ?? assessment.status)}
              allowDeselect={false}
              error={errors.status}
            />
            <FolderSelect
              label={t('fields.folder')}
              value={folderId}
              onChange={setFolderId}
              required
              error={errors.folderId}
            />
          </SimpleGrid>
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common:actions.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
