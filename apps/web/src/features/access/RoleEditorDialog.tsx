import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { accessKeys } from './keys';
import { PermissionMatrix } from './PermissionMatrix';
import { useRoleText } from './role-label';
import { type Role, useAccessMutation, usePermissionCatalog } from './use-access';

interface RoleEditorDialogProps {
  opened: boolean;
  /** null creates a custom role; a built-in role (or one the caller cannot update) is shown read-only. */
  role: Role | null;
  onClose: () => void;
}

export function RoleEditorDialog({ opened, role, onClose }: RoleEditorDialogProps) {
  const { t } = useTranslation(['access', 'common']);
  const catalog = usePermissionCatalog();
  const roleText = useRoleText();
  const [permissions, setPermissions] = useState(() => new Set(role?.permissions ?? []));
  const editable = !role || (!role.builtin && role.abilities.update);
  const save = useAccessMutation(
    (body: { name: string; description: string; permissions: string[] }) =>
      role
        ? unwrap(
            api.PATCH('/api/v1/roles/{id}', {
              params: { path: { id: role.id } },
              body: { version: role.version, ...body, description: body.description || null },
            }),
          )
        : unwrap(
            api.POST('/api/v1/roles', {
              body: {
                name: body.name,
                permissions: body.permissions,
                ...(body.description ? { description: body.description } : {}),
              },
            }),
          ),
    [accessKeys.roles],
  );
  const errors = fieldErrorsOf(save.error);
  const close = () => {
    save.reset();
    onClose();
  };
  const title = !role
    ? t('roles.createTitle')
    : editable
      ? t('roles.editTitle', { name: role.name })
      : t('roles.viewTitle', { name: roleText.name(role) });

  return (
    <Modal opened={opened} onClose={close} title={title} size="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          save.mutate(
            {
              name: String(data.get('name')),
              description: String(data.get('description') ?? ''),
              permissions: [...permissions].sort(),
            },
            { onSuccess: close },
          );
        }}
      >
        <Stack>
          <FormAlert
            error={save.error ?? catalog.error}
            fields={['name', 'description', 'permissions']}
            onReload={close}
          />
          <TextInput
            name="name"
            label={t('roles.name')}
            defaultValue={role ? roleText.name(role) : undefined}
            required
            maxLength={200}
            readOnly={!editable}
            error={errors.name}
            data-autofocus
          />
          <Textarea
            name="description"
            label={t('roles.description')}
            defaultValue={role ? roleText.description(role) : ''}
            maxLength={2000}
            autosize
            minRows={2}
            readOnly={!editable}
            error={errors.description}
          />
          {permissions.has('*') && <Alert color="blue">{t('roles.everything')}</Alert>}
          {errors.permissions && <Alert color="red">{errors.permissions}</Alert>}
          {catalog.data && (
            <PermissionMatrix
              objectTypes={catalog.data.objectTypes}
              actions={catalog.data.actions}
              value={permissions}
              {...(editable ? { onChange: setPermissions } : {})}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {editable ? t('common:actions.cancel') : t('common:actions.close')}
            </Button>
            {editable && (
              <Button type="submit" loading={save.isPending}>
                {role ? t('common:actions.save') : t('common:actions.create')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
