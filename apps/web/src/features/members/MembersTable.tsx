import { Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { useMe } from '../../app/session/me';
import { ListFilters, SearchFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { useRoleText } from '../access/role-label';
import { validateMembersSearch } from './search';
import { type Member, useMembers, useRemoveMember, useSetMemberStatus } from './use-members';

type Pending = { kind: 'suspend' | 'remove'; member: Member } | null;

export function MembersTable() {
  const { t } = useTranslation(['members', 'common']);
  const roleText = useRoleText();
  const me = useMe();
  const [search, setSearch] = useListSearch(validateMembersSearch);
  const members = useMembers(search.q ?? '');
  const setStatus = useSetMemberStatus();
  const remove = useRemoveMember();
  const [pending, setPending] = useState<Pending>(null);
  const action = pending?.kind === 'remove' ? remove : setStatus;
  const close = () => {
    setStatus.reset();
    remove.reset();
    setPending(null);
  };

  const columns: Column<Member>[] = [
    {
      id: 'name',
      header: t('columns.name'),
      cell: (m) => (
        <>
          <Text size="sm" fw={500}>
            {m.displayName}{' '}
            {m.guest && (
              <Badge size="xs" variant="outline">
                {t('guest')}
              </Badge>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {m.email}
          </Text>
        </>
      ),
    },
    {
      id: 'status',
      header: t('columns.status'),
      cell: (m) => (
        <Badge color={m.status === 'active' ? 'green' : 'orange'} variant="light">
          {t(`status.${m.status}`)}
        </Badge>
      ),
    },
    {
      id: 'access',
      header: t('columns.access'),
      cell: (m) =>
        m.bindings.map((b) => (
          <Text size="xs" key={b.id}>
            {t('onFolder', { role: roleText.name({ key: b.roleKey, name: b.roleName }), folder: b.folderName })}
          </Text>
        )),
    },
    {
      id: 'groups',
      header: t('columns.groups'),
      cell: (m) => <Text size="xs">{m.groups.map((g) => g.name).join(', ')}</Text>,
    },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      // Nobody suspends or removes themselves from here.
      cell: (m) =>
        m.userId !== me.user.id && (
          <Group gap={4} wrap="nowrap">
            {m.abilities.update &&
              (m.status === 'active' ? (
                <Button size="xs" variant="subtle" onClick={() => setPending({ kind: 'suspend', member: m })}>
                  {t('suspend')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="subtle"
                  loading={setStatus.isPending && setStatus.variables?.userId === m.userId}
                  onClick={() => setStatus.mutate({ userId: m.userId, status: 'active' })}
                >
                  {t('reactivate')}
                </Button>
              ))}
            {m.abilities.delete && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setPending({ kind: 'remove', member: m })}>
                {t('common:actions.remove')}
              </Button>
            )}
          </Group>
        ),
    },
  ];

  return (
    <>
      <ListFilters>
        <SearchFilter label={t('search')} value={search.q} onChange={(q) => setSearch({ q })} width={360} />
      </ListFilters>
      <PagedTable
        query={members}
        columns={columns}
        rowKey={(m) => m.userId}
        emptyText={t('empty')}
        minWidth={760}
        highlightOnHover={false}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={t(pending?.kind === 'remove' ? 'removeTitle' : 'suspendTitle', {
          name: pending?.member.displayName ?? '',
        })}
        body={t(pending?.kind === 'remove' ? 'removeBody' : 'suspendBody')}
        confirmLabel={pending?.kind === 'remove' ? t('common:actions.remove') : t('suspend')}
        danger
        pending={action.isPending}
        error={action.error}
        onClose={close}
        onConfirm={() => {
          if (!pending) return;
          const userId = pending.member.userId;
          if (pending.kind === 'remove') remove.mutate(userId, { onSuccess: close });
          else setStatus.mutate({ userId, status: 'suspended' }, { onSuccess: close });
        }}
      />
    </>
  );
}
