import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { useCan } from '../../app/session/can';
import { useCurrentOrganization } from '../../app/session/me';
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
      <QueryState query={bindings}>
        {bindings.items.length === 0 ? (
          <Text c="dimmed">{t('bindings.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bindings.columns.subject')}</Table.Th>
                  <Table.Th>{t('bindings.columns.role')}</Table.Th>
                  <Table.Th>{t('bindings.columns.since')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bindings.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>{roleText.name({ key: b.roleKey, name: b.roleName })}</Table.Td>
                    <Table.Td>{formatDate(b.createdAt, false)}</Table.Td>
                    <Table.Td>
                      {b.abilities.delete && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(b)}>
                          {t('common:actions.remove')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={bindings} />
      </QueryState>
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
