import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { assetTypes, type CreateAssetBody, categoriesOf, useCreateAsset } from './use-assets';
import { assetFormProblems } from './validation';

/** Name, folder, type and category; everything else is edited on the asset's page, where this leads. */
export function NewAssetDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['assets', 'common']);
  const create = useCreateAsset();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [type, setType] = useState<string | null>('supporting');
  const [category, setCategory] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error), ...localErrors };
  const close = () => {
    create.reset();
    setLocalErrors({});
    onClose();
  };

  const submit = async (data: FormData) => {
    const name = String(data.get('name') ?? '').trim();
    const refId = String(data.get('refId') ?? '').trim();
    const problems = assetFormProblems({ name, type, category, rtoMinutes: '', rpoMinutes: '', mtdMinutes: '' });
    setLocalErrors(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(v as 'validation.name')])));
    if (Object.keys(problems).length > 0) return;
    const body: CreateAssetBody = {
      folderId: folderId ?? '',
      name,
      type: (type ?? 'supporting') as CreateAssetBody['type'],
      ...(refId ? { refId } : {}),
      ...(category ? { category: category as CreateAssetBody['category'] } : {}),
    };
    const asset = await create.mutateAsync(body);
    notifySuccess(t('created'));
    close();
    await navigate({ to: '/assets/$assetId', params: { assetId: asset?.id ?? '' } });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('createTitle')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={create.error} fields={['name', 'refId', 'folderId', 'type', 'category']} />
          <TextInput name="name" label={t('fields.name')} required maxLength={300} error={errors.name} data-autofocus />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <FolderSelect
            label={t('fields.folder')}
            name="folderId"
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Select
            label={t('fields.type')}
            data={assetTypes.map((value) => ({ value, label: t(`type.${value}`) }))}
            value={type}
            onChange={(value) => {
              setType(value);
              setCategory(null);
            }}
            required
            allowDeselect={false}
            error={errors.type}
          />
          <Select
            label={t('fields.category')}
            data={categoriesOf(type).map((value) => ({ value, label: t(`category.${value}`) }))}
            value={category}
            onChange={setCategory}
            clearable
            error={errors.category}
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
