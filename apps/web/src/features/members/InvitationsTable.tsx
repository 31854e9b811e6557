import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { useRoleText } from '../access/role-label';
import { type Invitation, useInvitations, useRevokeInvitation } from './use-members';

const statusColor = { pending: 'blue', accepted: 'green', revoked: 'gray', expired: 'gray' } as const;

export function InvitationsTable() {
  const { t } = useTranslation(['members', 'common']);
  const roleText = useRoleText();
  const formatDate = useFormatDate();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const close = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <QueryState query={invitations}>
      {invitations.items.length === 0 ? (
        <Text c="dimmed">{t('noInvitations')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.email')}</Table.Th>
                <Table.Th>{t('columns.role')}</Table.Th>
                <Table.Th>{t('columns.folder')}</Table.Th>
                <Table.Th>{t('columns.status')}</Table.Th>
                <Table.Th>{t('columns.invitedBy')}</Table.Th>
                <Table.Th>{t('columns.expires')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.items.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td>{roleText.name({ key: inv.roleKey, name: inv.roleName })}</Table.Td>
                  <Table.Td>{inv.folderName}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[inv.status]} variant="light">
                      {t(`invitationStatus.${inv.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{inv.invitedBy?.displayName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    {inv.abilities.revoke && inv.status === 'pending' && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)}>
                        {t('common:actions.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore query={invitations} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('revokeTitle', { email: revoking?.email ?? '' })}
        body={t('revokeBody')}
        confirmLabel={t('common:actions.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: close })}
      />
    </QueryState>
  );
}
