import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { assessmentCategories, type CreateAssessmentBody, useCreateAssessment } from './use-findings';

export function NewAssessmentDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const create = useCreateAssessment();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>('audit');
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    const refId = String(data.get('refId') ?? '').trim();
    const assessment = await create.mutateAsync({
      folderId: folderId ?? '',
      name: String(data.get('name') ?? ''),
      category: (category ?? 'other') as NonNullable<CreateAssessmentBody['category']>,
      ...(refId ? { refId } : {}),
    });
    notifySuccess(t('assessmentCreated'));
    close();
    await navigate({
      to: '/findings-assessments/$findingsAssessmentId',
      params: { findingsAssessmentId: assessment?.id ?? '' },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createAssessmentTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={create.error} fields={['name', 'refId', 'folderId', 'category']} />
          <TextInput name="name" label={t('fields.name')} required maxLength={300} error={errors.name} data-autofocus />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <Select
            label={t('fields.category')}
            data={assessmentCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            value={category}
            onChange={setCategory}
            allowDeselect={false}
            error={errors.category}
          />
          <FolderSelect
            label={t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
