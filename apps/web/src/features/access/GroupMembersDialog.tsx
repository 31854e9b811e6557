import { ActionIcon, Button, Modal, Group as Row, Stack, Table, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert } from '../../app/forms/errors';
import { LoadMore } from '../../app/ui/list/LoadMore';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { memberKeys } from '../members/keys';
import { accessKeys } from './keys';
import { type Group, useAccessMutation, useGroupMembers } from './use-access';

/** Add organisation members to a group or take them out; allowed when the group says `manageMembers`. */
export function GroupMembersDialog({ group, onClose }: { group: Group | null; onClose: () => void }) {
  const { t } = useTranslation(['access', 'common']);
  const members = useGroupMembers(group?.id ?? null);
  const [userId, setUserId] = useState<string | null>(null);
  const path = (id: string) => ({ params: { path: { id: group?.id ?? '', userId: id } } });
  const add = useAccessMutation(
    (id: string) => unwrap(api.PUT('/api/v1/groups/{id}/members/{userId}', path(id))),
    [accessKeys.groups, memberKeys.all],
  );
  const remove = useAccessMutation(
    (id: string) => unwrap(api.DELETE('/api/v1/groups/{id}/members/{userId}', path(id))),
    [accessKeys.groups, memberKeys.all],
  );
  const inGroup = new Set(members.items.map((m) => m.userId));
  const canManage = group?.abilities.manageMembers ?? false;

  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      title={t('groups.membersTitle', { name: group?.name ?? '' })}
      size="lg"
    >
      <Stack>
        <FormAlert error={add.error ?? remove.error} />
        {canManage && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (userId) add.mutate(userId, { onSuccess: () => setUserId(null) });
            }}
          >
            <Row align="flex-end">
              <MemberPicker
                label={t('groups.addMember')}
                value={userId}
                onChange={setUserId}
                exclude={inGroup}
                flex={1}
              />
              <Button type="submit" loading={add.isPending} disabled={!userId}>
                {t('groups.add')}
              </Button>
            </Row>
          </form>
        )}
        {members.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('groups.noMembers')}
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {members.items.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    <Text size="sm">{m.displayName}</Text>
                    <Text size="xs" c="dimmed">
                      {m.email}
                    </Text>
                  </Table.Td>
                  <Table.Td w={48}>
                    {canManage && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('common:actions.remove')} ${m.displayName}`}
                        loading={remove.isPending && remove.variables === m.userId}
                        onClick={() => remove.mutate(m.userId)}
                      >
                        <IconX size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <LoadMore query={members} />
      </Stack>
    </Modal>
  );
}
