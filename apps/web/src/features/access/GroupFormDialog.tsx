import { Button, Modal, Group as Row, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { accessKeys } from './keys';
import { type Group, useAccessMutation } from './use-access';

interface GroupFormDialogProps {
  opened: boolean;
  group: Group | null;
  onClose: () => void;
}

export function GroupFormDialog({ opened, group, onClose }: GroupFormDialogProps) {
  const { t } = useTranslation(['access', 'common']);
  const save = useAccessMutation(
    (body: { name: string; description: string }) =>
      group
        ? unwrap(
            api.PATCH('/api/v1/groups/{id}', {
              params: { path: { id: group.id } },
              body: { version: group.version, name: body.name, description: body.description || null },
            }),
          )
        : unwrap(
            api.POST('/api/v1/groups', {
              body: { name: body.name, ...(body.description ? { description: body.description } : {}) },
            }),
          ),
    [accessKeys.groups],
  );
  const errors = fieldErrorsOf(save.error);
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={group ? t('groups.editTitle', { name: group.name }) : t('groups.createTitle')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          save.mutate(
            { name: String(data.get('name')), description: String(data.get('description') ?? '') },
            { onSuccess: close },
          );
        }}
      >
        <Stack>
          <FormAlert error={save.error} fields={['name', 'description']} onReload={close} />
          <TextInput
            name="name"
            label={t('groups.name')}
            defaultValue={group?.name}
            required
            maxLength={200}
            data-autofocus
            error={errors.name}
          />
          <Textarea
            name="description"
            label={t('groups.description')}
            defaultValue={group?.description ?? ''}
            maxLength={2000}
            autosize
            minRows={2}
            error={errors.description}
          />
          <Row justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {group ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          </Row>
        </Stack>
      </form>
    </Modal>
  );
}
