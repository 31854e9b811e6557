import { Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { useCan } from '../../app/session/can';
import { useCurrentOrganization } from '../../app/session/me';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { FolderSelect } from '../folders/FolderSelect';
import { useFolderTree } from '../folders/use-folders';
import { memberKeys } from '../members/keys';
import { GrantDialog } from './GrantDialog';
import { accessKeys } from './keys';
import { useRoleText } from './role-label';
import { type RoleBinding, useAccessMutation, useBindings } from './use-access';

/** Who holds which role directly on one folder (inherited access comes from the folders above). */
export function BindingsPanel() {
  const { t } = useTranslation(['access', 'common']);
  const formatDate = useFormatDate();
  const organization = useCurrentOrganization();
  const [folderId, setFolderId] = useState<string | null>(organization?.rootFolderId ?? null);
  const folders = useFolderTree();
  const folder = folders.data?.find((f) => f.id === folderId) ?? null;
  const bindings = useBindings(folderId);
  const [granting, setGranting] = useState(false);
  const canGrant = useCan().somewhere('role_binding:create');
  const roleText = useRoleText();
  const [removing, setRemoving] = useState<RoleBinding | null>(null);
  const remove = useAccessMutation(
    (id: string) => unwrap(api.DELETE('/api/v1/role-bindings/{id}', { params: { path: { id } } })),
    [accessKeys.bindings, accessKeys.roles, memberKeys.all],
  );
  const closeRemove = () => {
    remove.reset();
    setRemoving(null);
  };

  const columns: Column<RoleBinding>[] = [
    {
      id: 'subject',
      header: t('bindings.columns.subject'),
      cell: (b) => (
        <>
          <Group gap="xs">
            <Text size="sm">{b.subject.displayName}</Text>
            <Badge size="xs" variant="outline">
              {b.subject.type === 'group' ? t('bindings.groupLabel') : t('bindings.member')}
            </Badge>
            {b.system && (
              <Badge size="xs" color="gray">
                {t('bindings.system')}
              </Badge>
            )}
          </Group>
          {b.subject.email && (
            <Text size="xs" c="dimmed">
              {b.subject.email}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'role',
      header: t('bindings.columns.role'),
      cell: (b) => roleText.name({ key: b.roleKey, name: b.roleName }),
    },
    { id: 'since', header: t('bindings.columns.since'), cell: (b) => formatDate(b.createdAt, false) },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      cell: (b) =>
        b.abilities.delete && (
          <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(b)}>
            {t('common:actions.remove')}
          </Button>
        ),
    },
  ];

  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <FolderSelect label={t('bindings.folder')} value={folderId} onChange={setFolderId} />
        {folder && canGrant && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGranting(true)}>
            {t('bindings.grant')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('bindings.inherited')}
      </Text>
      <PagedTable
        query={bindings}
        columns={columns}
        rowKey={(b) => b.id}
        emptyText={t('bindings.empty')}
        minWidth={600}
        highlightOnHover={false}
      />
      <GrantDialog folder={granting ? folder : null} onClose={() => setGranting(false)} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('bindings.removeTitle')}
        body={t('bindings.removeBody', {
          subject: removing?.subject.displayName ?? '',
          role: removing ? roleText.name({ key: removing.roleKey, name: removing.roleName }) : '',
          folder: removing?.folderName ?? '',
        })}
        confirmLabel={t('common:actions.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={closeRemove}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: closeRemove })}
      />
    </Stack>
  );
}
