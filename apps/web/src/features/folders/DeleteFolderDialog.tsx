import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/errors';
import { FormAlert } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { type Folder, useDeleteFolder } from './use-folders';

interface DeleteFolderDialogProps {
  folder: Folder | null;
  onClose: () => void;
  onDeleted: (folder: Folder) => void;
  onReload: () => void;
}

export function DeleteFolderDialog({ folder, onClose, onDeleted, onReload }: DeleteFolderDialogProps) {
  const { t } = useTranslation(['folders', 'common']);
  const remove = useDeleteFolder();
  const close = () => {
    remove.reset();
    onClose();
  };
  const error = remove.error;
  const notEmpty = error instanceof ApiError && error.code === 'conflict';

  return (
    <Modal opened={folder !== null} onClose={close} title={folder ? t('deleteTitle', { name: folder.name }) : ''}>
      <Stack>
        <Text size="sm">{t('deleteBody')}</Text>
        {notEmpty ? (
          <FormAlert error={new ApiError({ status: 409, detail: t('notEmpty') })} />
        ) : (
          <FormAlert
            error={error}
            onReload={() => {
              close();
              onReload();
            }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              folder &&
              remove.mutate(
                { id: folder.id, version: folder.version },
                {
                  onSuccess: () => {
                    notifySuccess(t('common:states.deleted'));
                    close();
                    onDeleted(folder);
                  },
                },
              )
            }
          >
            {t('common:actions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
