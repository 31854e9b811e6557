import { Button, Group as Row, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { memberKeys } from '../members/keys';
import { GroupFormDialog } from './GroupFormDialog';
import { GroupMembersDialog } from './GroupMembersDialog';
import { accessKeys } from './keys';
import { type Group, useAccessMutation, useGroups } from './use-access';

type Dialog = { kind: 'form'; group: Group | null } | { kind: 'members' | 'delete'; group: Group } | null;

export function GroupsPage() {
  const { t } = useTranslation(['access', 'common']);
  const groups = useGroups();
  const canCreate = useCan().everywhere('group:create');
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useAccessMutation(
    (g: Group) =>
      unwrap(api.DELETE('/api/v1/groups/{id}', { params: { path: { id: g.id }, query: { version: g.version } } })),
    [accessKeys.groups, accessKeys.bindings, memberKeys.all],
  );
  const close = () => {
    remove.reset();
    setDialog(null);
  };

  const columns: Column<Group>[] = [
    {
      id: 'name',
      header: t('groups.name'),
      cell: (g) => (
        <>
          <Text size="sm" fw={500}>
            {g.name}
          </Text>
          {g.description && (
            <Text size="xs" c="dimmed">
              {g.description}
            </Text>
          )}
        </>
      ),
    },
    { id: 'members', header: t('groups.members'), cell: (g) => t('groups.memberCount', { count: g.memberCount }) },
    {
      id: 'actions',
      header: <VisuallyHidden>{t('common:actions.actions')}</VisuallyHidden>,
      cell: (g) => (
        <Row gap={4} wrap="nowrap" justify="flex-end">
          <Button size="xs" variant="subtle" onClick={() => setDialog({ kind: 'members', group: g })}>
            {g.abilities.manageMembers ? t('groups.manage') : t('groups.viewMembers')}
          </Button>
          {g.abilities.update && (
            <Button size="xs" variant="subtle" onClick={() => setDialog({ kind: 'form', group: g })}>
              {t('common:actions.edit')}
            </Button>
          )}
          {g.abilities.delete && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'delete', group: g })}>
              {t('common:actions.delete')}
            </Button>
          )}
        </Row>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        description={t('groups.intro')}
        actions={
          canCreate && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'form', group: null })}
            >
              {t('groups.create')}
            </Button>
          )
        }
      />
      <PagedTable
        query={groups}
        columns={columns}
        rowKey={(g) => g.id}
        emptyText={t('groups.empty')}
        minWidth={640}
        highlightOnHover={false}
      />
      <GroupFormDialog
        key={dialog?.kind === 'form' ? (dialog.group?.id ?? 'new') : 'closed'}
        opened={dialog?.kind === 'form'}
        group={dialog?.kind === 'form' ? dialog.group : null}
        onClose={close}
      />
      <GroupMembersDialog group={dialog?.kind === 'members' ? dialog.group : null} onClose={close} />
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title={t('groups.deleteTitle', { name: dialog?.group?.name ?? '' })}
        body={t('groups.deleteBody')}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() => dialog?.kind === 'delete' && remove.mutate(dialog.group, { onSuccess: close })}
      />
    </>
  );
}
