import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { useCurrentOrganization } from '../../app/session/me';
import { notifySuccess } from '../../app/ui/notify';
import { useRoleText } from '../access/role-label';
import { useRoles } from '../access/use-access';
import { FolderSelect } from '../folders/FolderSelect';
import { useInvite } from './use-members';

export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['members', 'common']);
  const organization = useCurrentOrganization();
  const roles = useRoles();
  const roleText = useRoleText();
  const invite = useInvite();
  const [roleId, setRoleId] = useState<string | null>(null);
  const [folderId, setFolderId] = useState<string | null>(organization?.rootFolderId ?? null);
  const errors = fieldErrorsOf(invite.error);
  const role = roles.data?.find((r) => r.id === roleId);
  const close = () => {
    invite.reset();
    setRoleId(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('inviteTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const email = String(new FormData(event.currentTarget).get('email'));
          if (!roleId || !folderId) return;
          invite.mutate(
            { email, roleId, folderId },
            {
              onSuccess: (created) => {
                notifySuccess(t('invited', { email: created.email }));
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('inviteBody')}</Text>
          <FormAlert
            error={invite.error}
            fields={['email', 'roleId', 'folderId']}
            messages={{ permissions_not_held: t('notHeld', { role: role ? roleText.name(role) : '' }) }}
          />
          <TextInput
            name="email"
            type="email"
            label={t('email')}
            required
            maxLength={320}
            data-autofocus
            error={errors.email}
          />
          <Select
            label={t('role')}
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: roleText.name(r) }))}
            value={roleId}
            onChange={setRoleId}
            required
            error={errors.roleId}
            comboboxProps={{ withinPortal: true }}
          />
          <FolderSelect label={t('folder')} value={folderId} onChange={setFolderId} required error={errors.folderId} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending} disabled={!roleId || !folderId}>
              {t('invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
