import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { controlCategories, controlStatuses, useCreateControl } from './use-controls';

/** Name, folder and the first facts; everything else is edited on the control's page, where this leads. */
export function NewControlDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['controls', 'common']);
  const create = useCreateControl();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('to_do');
  const [category, setCategory] = useState<string | null>(null);
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    const refId = String(data.get('refId') ?? '').trim();
    const control = await create.mutateAsync({
      folderId: folderId ?? '',
      name: String(data.get('name') ?? ''),
      ...(refId ? { refId } : {}),
      ...(status ? { status: status as (typeof controlStatuses)[number] } : {}),
      ...(category ? { category: category as (typeof controlCategories)[number] } : {}),
    });
    notifySuccess(t('created'));
    close();
    await navigate({ to: '/controls/$controlId', params: { controlId: control?.id ?? '' } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={create.error} fields={['name', 'refId', 'folderId', 'status', 'category']} />
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
            label={t('fields.status')}
            data={controlStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={setStatus}
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
