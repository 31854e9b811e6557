import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { useCan } from '../../app/session/can';
import { MemberPicker } from '../../app/ui/MemberPicker';
import { memberKeys } from '../members/keys';
import { accessKeys } from './keys';
import { useRoleText } from './role-label';
import { useAccessMutation, useGroups, useRoles } from './use-access';

interface GrantDialogProps {
  folder: { id: string; name: string } | null;
  onClose: () => void;
}

/** A role on this folder for one member or one group. */
export function GrantDialog({ folder, onClose }: GrantDialogProps) {
  const { t } = useTranslation(['access', 'common']);
  // Listing members needs member:read on the whole organisation; a folder manager can still grant to groups.
  const canPickMembers = useCan().everywhere('member:read');
  const [subjectType, setSubjectType] = useState<'user' | 'group'>(canPickMembers ? 'user' : 'group');
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const roles = useRoles();
  const roleText = useRoleText();
  const groups = useGroups();
  const role = roles.data?.find((r) => r.id === roleId);
  const grant = useAccessMutation(
    (body: { folderId: string; roleId: string; userId?: string; groupId?: string }) =>
      unwrap(api.POST('/api/v1/role-bindings', { body })),
    [accessKeys.bindings, accessKeys.roles, memberKeys.all],
  );
  const errors = fieldErrorsOf(grant.error);
  const close = () => {
    grant.reset();
    setSubjectId(null);
    setRoleId(null);
    onClose();
  };

  return (
    <Modal opened={folder !== null} onClose={close} title={t('bindings.grantTitle', { folder: folder?.name ?? '' })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!folder || !roleId || !subjectId) return;
          grant.mutate(
            {
              folderId: folder.id,
              roleId,
              ...(subjectType === 'user' ? { userId: subjectId } : { groupId: subjectId }),
            },
            { onSuccess: close },
          );
        }}
      >
        <Stack>
          <FormAlert
            error={grant.error}
            fields={['roleId', 'userId', 'groupId']}
            messages={{ permissions_not_held: t('bindings.notHeld', { role: role ? roleText.name(role) : '' }) }}
          />
          {canPickMembers ? (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="grant-subject-type">
                {t('bindings.subjectType')}
              </Text>
              <SegmentedControl
                aria-labelledby="grant-subject-type"
                value={subjectType}
                onChange={(v) => {
                  setSubjectType(v as 'user' | 'group');
                  setSubjectId(null);
                }}
                data={[
                  { value: 'user', label: t('bindings.user') },
                  { value: 'group', label: t('bindings.group') },
                ]}
              />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('bindings.groupsOnly')}
            </Text>
          )}
          {subjectType === 'user' ? (
            <MemberPicker
              key="user"
              label={t('bindings.member')}
              value={subjectId}
              onChange={setSubjectId}
              required
              error={errors.userId}
            />
          ) : (
            <Select
              key="group"
              label={t('bindings.groupLabel')}
              data={groups.items.map((g) => ({ value: g.id, label: g.name }))}
              value={subjectId}
              onChange={setSubjectId}
              searchable
              required
              error={errors.groupId}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Select
            label={t('bindings.role')}
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: roleText.name(r) }))}
            value={roleId}
            onChange={setRoleId}
            required
            error={errors.roleId}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={grant.isPending} disabled={!roleId || !subjectId}>
              {t('bindings.grant')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
