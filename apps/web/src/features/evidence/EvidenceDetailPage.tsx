import { Anchor, Badge, Button, Divider, Group, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { EvidenceForm } from './EvidenceForm';
import { RevisionsSection } from './RevisionsSection';
import { UsedByControls } from './UsedByControls';
import {
  type Evidence,
  evidenceStatusColor,
  useChangeEvidenceStatus,
  useDeleteEvidence,
  useEvidence,
} from './use-evidence';

export function EvidenceDetailPage() {
  const { evidenceId } = useParams({ from: '/app/evidence/$evidenceId' });
  const evidence = useEvidence(evidenceId);
  return (
    <QueryState query={evidence}>
      {evidence.data && <EvidenceView evidence={evidence.data} onReload={() => evidence.refetch()} />}
    </QueryState>
  );
}

function EvidenceView({ evidence, onReload }: { evidence: Evidence; onReload: () => void }) {
  const { t } = useTranslation(['evidence', 'common']);
  const changeStatus = useChangeEvidenceStatus();
  const remove = useDeleteEvidence();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/evidence" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={evidence.refId ? `${evidence.refId} · ${evidence.name}` : evidence.name}
        actions={
          <Group gap="xs">
            <Badge color={evidenceStatusColor[evidence.status]} variant="light" size="lg">
              {t(`status.${evidence.status}`)}
            </Badge>
            {evidence.abilities.statusTransitions.map((status) => (
              <Button
                key={status}
                variant="default"
                loading={changeStatus.isPending && changeStatus.variables?.status === status}
                onClick={() =>
                  changeStatus.mutate(
                    { id: evidence.id, version: evidence.version, status },
                    { onSuccess: () => notifySuccess(t('statusChanged')) },
                  )
                }
              >
                {t(`moveTo.${status}`)}
              </Button>
            ))}
            {evidence.abilities.delete && (
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
        <FormAlert error={changeStatus.error} onReload={onReload} />
        <EvidenceForm key={evidence.version} evidence={evidence} onReload={onReload} />
        <Divider />
        <RevisionsSection evidence={evidence} />
        <Divider />
        <UsedByControls evidenceId={evidence.id} />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: evidence.name })}
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
            { id: evidence.id, version: evidence.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: '/evidence' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
