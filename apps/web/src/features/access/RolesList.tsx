import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { QueryState } from '../../app/layout/QueryState';
import { accessKeys } from './keys';
import { RoleEditorDialog } from './RoleEditorDialog';
import { useRoleText } from './role-label';
import { type Role, useAccessMutation, useRoles } from './use-access';

export function RolesList({ creating, onCreated }: { creating: boolean; onCreated: () => void }) {
  const { t } = useTranslation(['access', 'common']);
  const roles = useRoles();
  const roleText = useRoleText();
  const [open, setOpen] = useState<Role | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const remove = useAccessMutation(
    (r: Role) =>
      unwrap(api.DELETE('/api/v1/roles/{id}', { params: { path: { id: r.id }, query: { version: r.version } } })),
    [accessKeys.roles],
  );
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <QueryState query={roles}>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roles.name')}</Table.Th>
              <Table.Th>{t('roles.permissions')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(roles.data ?? []).map((role) => (
              <Table.Tr key={role.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {roleText.name(role)}
                    </Text>
                    <Badge size="xs" variant="light" color={role.builtin ? 'gray' : 'indigo'}>
                      {role.builtin ? t('roles.builtin') : t('roles.custom')}
                    </Badge>
                  </Group>
                  {roleText.description(role) && (
                    <Text size="xs" c="dimmed">
                      {roleText.description(role)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {role.permissions.includes('*')
                      ? t('roles.everything')
                      : t('roles.permissionCount', { count: role.permissions.length })}
                    {' · '}
                    {t('roles.bindingCount', { count: role.bindingCount })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setOpen(role)}>
                      {!role.builtin && role.abilities.update ? t('common:actions.edit') : t('roles.permissions')}
                    </Button>
                    {role.abilities.delete && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(role)}>
                        {t('common:actions.delete')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RoleEditorDialog
        key={open?.id ?? (creating ? 'new' : 'closed')}
        opened={open !== null || creating}
        role={open}
        onClose={() => {
          setOpen(null);
          onCreated();
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('roles.deleteTitle', { name: deleting ? roleText.name(deleting) : '' })}
        body={t('roles.deleteBody')}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: closeDelete })}
      />
    </QueryState>
  );
}
