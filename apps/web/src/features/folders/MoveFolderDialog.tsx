import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { isInside, pathLabel } from './tree';
import { type Folder, useUpdateFolder } from './use-folders';

interface MoveFolderDialogProps {
  folder: Folder | null;
  folders: Folder[];
  onClose: () => void;
  onReload: () => void;
}

/** The parent picker offers only folders the caller may create in, and never the folder's own subtree. */
export function MoveFolderDialog({ folder, folders, onClose, onReload }: MoveFolderDialogProps) {
  const { t } = useTranslation(['folders', 'common']);
  const update = useUpdateFolder();
  const [parentId, setParentId] = useState<string | null>(null);
  const byId = new Map(folders.map((f) => [f.id, f]));
  const candidates = folder
    ? folders.filter((f) => f.abilities.createChild && !isInside(f, folder) && f.id !== folder.parentId)
    : [];
  const close = () => {
    update.reset();
    setParentId(null);
    onClose();
  };

  return (
    <Modal opened={folder !== null} onClose={close} title={folder ? t('moveTitle', { name: folder.name }) : ''}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!folder || !parentId) return;
          update.mutate(
            { id: folder.id, version: folder.version, parentId },
            {
              onSuccess: () => {
                notifySuccess(t('moved'));
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('moveHint')}</Text>
          <FormAlert
            error={update.error}
            fields={['parentId']}
            onReload={() => {
              close();
              onReload();
            }}
          />
          <Select
            label={t('parent')}
            data={candidates.map((f) => ({ value: f.id, label: pathLabel(f, byId) }))}
            value={parentId}
            onChange={setParentId}
            searchable
            required
            error={fieldErrorsOf(update.error).parentId}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!parentId}>
              {t('common:actions.move')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
