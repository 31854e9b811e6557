import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { type Folder, useCreateFolder, useUpdateFolder } from './use-folders';

type Mode = { kind: 'create'; parent: Folder } | { kind: 'edit'; folder: Folder };

interface FolderFormDialogProps {
  mode: Mode | null;
  onClose: () => void;
  onSaved: (folder: Folder) => void;
  onReload: () => void;
}

/** Create a subfolder or rename/describe a folder; a stale version is reported with a reload button. */
export function FolderFormDialog({ mode, onClose, onSaved, onReload }: FolderFormDialogProps) {
  const { t } = useTranslation(['folders', 'common']);
  const create = useCreateFolder();
  const update = useUpdateFolder();
  const mutation = mode?.kind === 'create' ? create : update;
  const errors = fieldErrorsOf(mutation.error);
  const editing = mode?.kind === 'edit' ? mode.folder : null;
  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const submit = async (data: FormData) => {
    if (!mode) return;
    const name = String(data.get('name') ?? '');
    const description = String(data.get('description') ?? '');
    const saved =
      mode.kind === 'create'
        ? await create.mutateAsync({ parentId: mode.parent.id, name, ...(description ? { description } : {}) })
        : await update.mutateAsync({
            id: mode.folder.id,
            version: mode.folder.version,
            name,
            description: description || null,
          });
    if (mode.kind === 'create') notifySuccess(t('created'));
    else notifySuccess(t('common:states.saved'));
    close();
    onSaved(saved);
  };

  const title = !mode
    ? ''
    : mode.kind === 'create'
      ? t('createTitle', { parent: mode.parent.name })
      : t('renameTitle', { name: mode.folder.name });

  return (
    <Modal opened={mode !== null} onClose={close} title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(new FormData(event.currentTarget)).catch(() => {});
        }}
      >
        <Stack>
          <FormAlert
            error={mutation.error}
            fields={['name', 'description']}
            onReload={() => {
              close();
              onReload();
            }}
          />
          <TextInput
            name="name"
            label={t('name')}
            required
            maxLength={200}
            defaultValue={editing?.name ?? ''}
            error={errors.name}
            data-autofocus
          />
          <Textarea
            name="description"
            label={t('description')}
            maxLength={5000}
            autosize
            minRows={3}
            defaultValue={editing?.description ?? ''}
            error={errors.description}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {mode?.kind === 'create' ? t('common:actions.create') : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
