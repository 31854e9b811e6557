import { Button, Card, Grid, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconArrowsMove, IconFolderPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { DeleteFolderDialog } from './DeleteFolderDialog';
import { FolderFormDialog } from './FolderFormDialog';
import { FolderTree } from './FolderTree';
import { folderKeys } from './keys';
import { MoveFolderDialog } from './MoveFolderDialog';
import { buildTree, pathLabel } from './tree';
import { type Folder, useFolderTree } from './use-folders';

type Dialog =
  | { kind: 'create'; parent: Folder }
  | { kind: 'edit'; folder: Folder }
  | { kind: 'move'; folder: Folder }
  | { kind: 'delete'; folder: Folder }
  | null;

export function FoldersPage() {
  const { t, i18n } = useTranslation('folders');
  const tree = useFolderTree();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const folders = tree.data ?? [];
  const byId = useMemo(() => new Map(folders.map((f) => [f.id, f])), [folders]);
  const nodes = useMemo(() => buildTree(folders), [folders]);
  const selected = (selectedId ? byId.get(selectedId) : undefined) ?? nodes[0]?.folder ?? null;
  const reload = () => queryClient.invalidateQueries({ queryKey: folderKeys.tree() });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          selected?.abilities.createChild && (
            <Button
              leftSection={<IconFolderPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'create', parent: selected })}
            >
              {t('newSubfolder')}
            </Button>
          )
        }
      />
      <QueryState query={tree}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding="xs" component="section" aria-labelledby="folder-tree-title">
              <Title order={2} size="h5" id="folder-tree-title" px="xs" pb="xs">
                {t('tree')}
              </Title>
              <ScrollArea.Autosize mah="70vh">
                <FolderTree nodes={nodes} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder component="section" aria-labelledby="folder-details-title">
              {!selected ? (
                <Text c="dimmed">{t('none')}</Text>
              ) : (
                <Stack gap="sm">
                  <Title order={2} size="h3" id="folder-details-title">
                    {selected.name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('path')}: {pathLabel(selected, byId)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {selected.description || t('noDescription')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('updated', { date: new Date(selected.updatedAt).toLocaleString(i18n.language) })}
                  </Text>
                  <FolderActions folder={selected} onAction={setDialog} />
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      </QueryState>
      <FolderFormDialog
        mode={dialog?.kind === 'create' || dialog?.kind === 'edit' ? dialog : null}
        onClose={() => setDialog(null)}
        onSaved={(folder) => setSelectedId(folder.id)}
        onReload={reload}
      />
      <MoveFolderDialog
        folder={dialog?.kind === 'move' ? dialog.folder : null}
        folders={folders}
        onClose={() => setDialog(null)}
        onReload={reload}
      />
      <DeleteFolderDialog
        folder={dialog?.kind === 'delete' ? dialog.folder : null}
        onClose={() => setDialog(null)}
        onDeleted={(folder) => setSelectedId(folder.parentId)}
        onReload={reload}
      />
    </>
  );
}

/** Only the actions the server says the caller may take; the root folder can be renamed but not moved or deleted. */
function FolderActions({ folder, onAction }: { folder: Folder; onAction: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const isRoot = folder.parentId === null;
  return (
    <Stack gap="xs" align="flex-start">
      {folder.abilities.update && (
        <Button
          variant="light"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction({ kind: 'edit', folder })}
        >
          {t('actions.rename')}
        </Button>
      )}
      {folder.abilities.update && !isRoot && (
        <Button
          variant="light"
          leftSection={<IconArrowsMove size={16} aria-hidden />}
          onClick={() => onAction({ kind: 'move', folder })}
        >
          {t('actions.move')}
        </Button>
      )}
      {folder.abilities.delete && !isRoot && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => onAction({ kind: 'delete', folder })}
        >
          {t('actions.delete')}
        </Button>
      )}
    </Stack>
  );
}
