import { Anchor, Badge, Button, Divider, Group, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { OwnersField } from '../../app/ui/OwnersField';
import { ControlForm } from './ControlForm';
import { LinkedEvidence } from './LinkedEvidence';
import { LinkedRequirements } from './LinkedRequirements';
import { type AppliedControl, statusColor, useControl, useDeleteControl, useUpdateControl } from './use-controls';

export function ControlPage() {
  const { controlId } = useParams({ from: '/app/controls/$controlId' });
  const control = useControl(controlId);
  return (
    <QueryState query={control}>
      {control.data && <ControlView control={control.data} onReload={() => control.refetch()} />}
    </QueryState>
  );
}

function ControlView({ control, onReload }: { control: AppliedControl; onReload: () => void }) {
  const { t } = useTranslation(['controls', 'common']);
  const remove = useDeleteControl();
  const updateOwners = useUpdateControl();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/controls" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={control.refId ? `${control.refId} · ${control.name}` : control.name}
        actions={
          <Group gap="xs">
            <Badge color={statusColor[control.status]} variant="light" size="lg">
              {t(`status.${control.status}`)}
            </Badge>
            {control.abilities.delete && (
              <Button
                color="red.9"
                variant="filled"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ControlForm key={control.version} control={control} onReload={onReload} />
        <OwnersField
          record={control}
          update={updateOwners}
          onReload={onReload}
          label={t('fields.owners')}
          addLabel={t('fields.addOwner')}
          removeLabel={(owner) => t('removeOwner', { name: owner.displayName })}
        />
        <Divider />
        <LinkedRequirements control={control} />
        <Divider />
        <LinkedEvidence control={control} />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: control.name })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          remove.mutate(
            { id: control.id, version: control.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: '/controls' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
