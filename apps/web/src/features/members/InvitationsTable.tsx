import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
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

  const columns: Column<Invitation>[] = [
    { id: 'email', header: t('columns.email'), cell: (inv) => inv.email },
    { id: 'role', header: t('columns.role'), cell: (inv) => roleText.name({ key: inv.roleKey, name: inv.roleName }) },
    { id: 'folder', header: t('columns.folder'), cell: (inv) => inv.folderName },
    {
      id: 'status',
      header: t('columns.status'),
      cell: (inv) => (
        <Badge color={statusColor[inv.status]} variant="light">
          {t(`invitationStatus.${inv.status}`)}
        </Badge>
      ),
    },
    { id: 'invitedBy', header: t('columns.invitedBy'), cell: (inv) => inv.invitedBy?.displayName ?? '—' },
    { id: 'expires', header: t('columns.expires'), cell: (inv) => formatDate(inv.expiresAt) },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      cell: (inv) =>
        inv.abilities.revoke &&
        inv.status === 'pending' && (
          <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)}>
            {t('common:actions.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PagedTable
        query={invitations}
        columns={columns}
        rowKey={(inv) => inv.id}
        emptyText={t('noInvitations')}
        minWidth={760}
        highlightOnHover={false}
      />
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
    </>
  );
}
