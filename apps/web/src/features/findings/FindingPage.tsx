import { Anchor, Button, Divider, Group, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { FindingStatusBadge, OverdueBadge, SeverityBadge } from './badges';
import { FindingForm } from './FindingForm';
import { LinksSection } from './LinksSection';
import { OwnerSection } from './OwnerSection';
import { type Finding, useDeleteFinding, useFinding, useUpdateFinding } from './use-findings';

export function FindingPage() {
  const { findingId } = useParams({ from: '/app/findings/$findingId' });
  const finding = useFinding(findingId);
  return (
    <QueryState query={finding}>
      {finding.data && <FindingView finding={finding.data} onReload={() => finding.refetch()} />}
    </QueryState>
  );
}

function FindingView({ finding, onReload }: { finding: Finding; onReload: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const remove = useDeleteFinding();
  const owner = useUpdateFinding();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/findings" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={finding.refId ? `${finding.refId} · ${finding.title}` : finding.title}
        actions={
          <Group gap="xs">
            <SeverityBadge severity={finding.severity} size="lg" />
            <FindingStatusBadge status={finding.status} size="lg" />
            <OverdueBadge overdue={finding.overdue} />
            {finding.abilities.delete && (
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
        <FindingForm key={finding.version} finding={finding} onReload={onReload} />
        <OwnerSection
          owner={finding.owner}
          editable={finding.abilities.update}
          error={owner.error}
          onReload={onReload}
          onSave={(ownerId) => owner.mutateAsync({ id: finding.id, version: finding.version, ownerId }).catch(() => {})}
        />
        <Divider />
        <LinksSection finding={finding} kind="assets" />
        <Divider />
        <LinksSection finding={finding} kind="applied-controls" />
        <Divider />
        <LinksSection finding={finding} kind="risk-scenarios" />
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('deleteFindingTitle')}
        body={t('deleteFindingBody', { name: finding.title })}
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
            { id: finding.id, version: finding.version },
            {
              onSuccess: () => {
                notifySuccess(t('findingDeleted'));
                navigate({ to: '/findings' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
