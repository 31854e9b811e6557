import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import {
  type AppliedControl,
  controlCategories,
  controlStatuses,
  csfFunctions,
  effortSizes,
  type UpdateControlBody,
  useUpdateControl,
} from './use-controls';

const text = (data: FormData, name: string) => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? null : value;
};
const integer = (value: string | number) => (value === '' ? null : Number(value));

/** Every field of the control; read-only for callers who may not update it. Remount on a new version. */
export function ControlForm({ control, onReload }: { control: AppliedControl; onReload: () => void }) {
  const { t } = useTranslation(['controls', 'common']);
  const update = useUpdateControl();
  const errors = fieldErrorsOf(update.error);
  const [folderId, setFolderId] = useState<string | null>(control.folderId);
  const [status, setStatus] = useState<string | null>(control.status);
  const [category, setCategory] = useState<string | null>(control.category);
  const [csfFunction, setCsfFunction] = useState<string | null>(control.csfFunction);
  const [priority, setPriority] = useState<string | null>(control.priority ? String(control.priority) : null);
  const [effort, setEffort] = useState<string | null>(control.effort);
  const [costBuild, setCostBuild] = useState<string | number>(control.costBuild ?? '');
  const [costRun, setCostRun] = useState<string | number>(control.costRun ?? '');
  const [progress, setProgress] = useState<string | number>(control.progress);
  const editable = control.abilities.update;

  const submit = async (data: FormData) => {
    const body: UpdateControlBody & { id: string } = {
      id: control.id,
      version: control.version,
      name: String(data.get('name') ?? ''),
      refId: text(data, 'refId'),
      description: text(data, 'description'),
      ...(folderId && folderId !== control.folderId ? { folderId } : {}),
      status: (status ?? control.status) as AppliedControl['status'],
      category: category as AppliedControl['category'],
      csfFunction: csfFunction as AppliedControl['csfFunction'],
      priority: priority ? Number(priority) : null,
      effort: effort as AppliedControl['effort'],
      costBuild: integer(costBuild),
      costRun: integer(costRun),
      currency: text(data, 'currency'),
      startDate: text(data, 'startDate'),
      eta: text(data, 'eta'),
      expiryDate: text(data, 'expiryDate'),
      progress: integer(progress) ?? 0,
      link: text(data, 'link'),
    };
    await update.mutateAsync(body);
    notifySuccess(t('common:states.saved'));
  };

  const fields = [
    'name',
    'refId',
    'description',
    'folderId',
    'status',
    'category',
    'csfFunction',
    'priority',
    'effort',
    'costBuild',
    'costRun',
    'currency',
    'startDate',
    'eta',
    'expiryDate',
    'progress',
    'link',
  ];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget)).catch(() => {});
      }}
    >
      <Fieldset legend={t('details')} disabled={!editable}>
        <Stack>
          <FormAlert error={update.error} fields={fields} onReload={onReload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="name"
              label={t('fields.name')}
              required
              maxLength={300}
              defaultValue={control.name}
              error={errors.name}
            />
            <TextInput
              name="refId"
              label={t('fields.refId')}
              maxLength={100}
              defaultValue={control.refId ?? ''}
              error={errors.refId}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={3}
            maxLength={20000}
            defaultValue={control.description ?? ''}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <FolderSelect
              label={t('fields.folder')}
              value={folderId}
              onChange={setFolderId}
              required
              error={errors.folderId}
            />
            <Select
              label={t('fields.status')}
              data={controlStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={status}
              onChange={setStatus}
              allowDeselect={false}
              error={errors.status}
            />
            <Select
              label={t('fields.category')}
              data={controlCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              value={category}
              onChange={setCategory}
              clearable
              error={errors.category}
            />
            <Select
              label={t('fields.csfFunction')}
              data={csfFunctions.map((f) => ({ value: f, label: t(`csf.${f}`) }))}
              value={csfFunction}
              onChange={setCsfFunction}
              clearable
              error={errors.csfFunction}
            />
            <Select
              label={t('fields.priority')}
              data={['1', '2', '3', '4'].map((p) => ({ value: p, label: t('priority', { value: p }) }))}
              value={priority}
              onChange={setPriority}
              clearable
              error={errors.priority}
            />
            <Select
              label={t('fields.effort')}
              data={[...effortSizes]}
              value={effort}
              onChange={setEffort}
              clearable
              error={errors.effort}
            />
            <NumberInput
              label={t('fields.costBuild')}
              min={0}
              allowDecimal={false}
              value={costBuild}
              onChange={setCostBuild}
              error={errors.costBuild}
            />
            <NumberInput
              label={t('fields.costRun')}
              min={0}
              allowDecimal={false}
              value={costRun}
              onChange={setCostRun}
              error={errors.costRun}
            />
            <TextInput
              name="currency"
              label={t('fields.currency')}
              maxLength={3}
              placeholder="EUR"
              defaultValue={control.currency ?? ''}
              error={errors.currency}
            />
            <TextInput
              name="startDate"
              type="date"
              label={t('fields.startDate')}
              defaultValue={control.startDate ?? ''}
              error={errors.startDate}
            />
            <TextInput
              name="eta"
              type="date"
              label={t('fields.eta')}
              defaultValue={control.eta ?? ''}
              error={errors.eta}
            />
            <TextInput
              name="expiryDate"
              type="date"
              label={t('fields.expiryDate')}
              defaultValue={control.expiryDate ?? ''}
              error={errors.expiryDate}
            />
            <NumberInput
              label={t('fields.progress')}
              min={0}
              max={100}
              allowDecimal={false}
              value={progress}
              onChange={setProgress}
              error={errors.progress}
            />
          </SimpleGrid>
          <TextInput
            name="link"
            type="url"
            label={t('fields.link')}
            maxLength={2000}
            defaultValue={control.link ?? ''}
            error={errors.link}
          />
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
