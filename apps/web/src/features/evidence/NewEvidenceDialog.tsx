import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { useCreateEvidence } from './use-evidence';

/** Name, folder and validity; the content comes afterwards as revisions, on the page this leads to. */
export function NewEvidenceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['evidence', 'common']);
  const create = useCreateEvidence();
  const navigate = useNavigate();
  const [folderId, setFolderId] = useState<string | null>(null);
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const evidence = await create.mutateAsync({
      folderId: folderId ?? '',
      name: value('name'),
      ...(value('refId') ? { refId: value('refId') } : {}),
      ...(value('description') ? { description: value('description') } : {}),
      ...(value('validUntil') ? { validUntil: value('validUntil') } : {}),
    });
    notifySuccess(t('created'));
    close();
    await navigate({ to: '/evidence/$evidenceId', params: { evidenceId: evidence.id } });
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
          <FormAlert error={create.error} fields={['name', 'refId', 'folderId', 'description', 'validUntil']} />
          <TextInput name="name" label={t('fields.name')} required maxLength={300} error={errors.name} data-autofocus />
          <TextInput name="refId" label={t('fields.refId')} maxLength={100} error={errors.refId} />
          <FolderSelect
            label={t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Textarea
            name="description"
            label={t('fields.description')}
            autosize
            minRows={2}
            maxLength={20000}
            error={errors.description}
          />
          <TextInput name="validUntil" type="date" label={t('fields.validUntil')} error={errors.validUntil} />
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
