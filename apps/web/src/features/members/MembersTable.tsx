import { Badge, Button, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { useMe } from '../../app/session/me';
import { useRoleText } from '../access/role-label';
import { type Member, useMembers, useRemoveMember, useSetMemberStatus } from './use-members';

type Pending = { kind: 'suspend' | 'remove'; member: Member } | null;

export function MembersTable() {
  const { t } = useTranslation(['members', 'common']);
  const roleText = useRoleText();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const members = useMembers(q);
  const setStatus = useSetMemberStatus();
  const remove = useRemoveMember();
  const [pending, setPending] = useState<Pending>(null);
  const action = pending?.kind === 'remove' ? remove : setStatus;
  const close = () => {
    setStatus.reset();
    remove.reset();
    setPending(null);
  };

  return (
    <>
      <TextInput
        label={t('search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
        mb="md"
        type="search"
      />
      <QueryState query={members}>
        {members.items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th>{t('columns.access')}</Table.Th>
                  <Table.Th>{t('columns.groups')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.items.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>
                      <Badge color={m.status === 'active' ? 'green' : 'orange'} variant="light">
                        {t(`status.${m.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {m.bindings.map((b) => (
                        <Text size="xs" key={b.id}>
                          {t('onFolder', {
                            role: roleText.name({ key: b.roleKey, name: b.roleName }),
                            folder: b.folderName,
                          })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{m.groups.map((g) => g.name).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      {m.userId !== me.user.id && (
                        <Group gap={4} wrap="nowrap">
                          {m.abilities.update &&
                            (m.status === 'active' ? (
                              <Button
                                size="xs"
                                variant="subtle"
                                onClick={() => setPending({ kind: 'suspend', member: m })}
                              >
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
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => setPending({ kind: 'remove', member: m })}
                            >
                              {t('common:actions.remove')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={members} />
      </QueryState>
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
