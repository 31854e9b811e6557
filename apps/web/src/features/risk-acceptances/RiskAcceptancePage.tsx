import { Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedEdits } from '../../app/forms/use-unsaved-edits';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { TransitionDialog } from '../../app/ui/TransitionDialog';
import { AcceptanceBadges } from './AcceptanceBadges';
import { AcceptanceForm } from './AcceptanceForm';
import { CoveredScenarios } from './CoveredScenarios';
import {
  type RiskAcceptance,
  type RiskAcceptanceState,
  useAcceptance,
  useDeleteAcceptance,
  useTransitionAcceptance,
} from './use-risk-acceptances';

export function RiskAcceptancePage() {
  const { acceptanceId } = useParams({ from: '/app/risk-acceptances/$acceptanceId' });
  const acceptance = useAcceptance(acceptanceId);
  return (
    <QueryState query={acceptance}>
      {acceptance.data && <AcceptanceView acceptance={acceptance.data} onReload={() => acceptance.refetch()} />}
    </QueryState>
  );
}

const dangerous: RiskAcceptanceState[] = ['rejected', 'revoked'];

function AcceptanceView({ acceptance, onReload }: { acceptance: RiskAcceptance; onReload: () => void }) {
  const { t, i18n } = useTranslation(['riskAcceptances', 'common']);
  const [unsaved, markUnsaved] = useUnsavedEdits(acceptance.version);
  const transition = useTransitionAcceptance();
  const remove = useDeleteAcceptance();
  const navigate = useNavigate();
  const [moving, setMoving] = useState<RiskAcceptanceState | null>(null);
  // The dialog keeps its labels while it animates closed (an empty title and button would flash, unnamed).
  const lastStep = useRef<RiskAcceptanceState | null>(null);
  if (moving) lastStep.current = moving;
  const shownStep = moving ?? lastStep.current;
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const when = (date: string | null) => (date ? new Date(date).toLocaleString(i18n.language) : null);
  const facts = [
    [t('fields.submittedAt'), when(acceptance.submittedAt)],
    [t('fields.decidedAt'), when(acceptance.decidedAt)],
    [t('fields.decidedBy'), acceptance.decidedBy?.displayName ?? null],
    [t('fields.revokedAt'), when(acceptance.revokedAt)],
  ].filter((f): f is [string, string] => f[1] !== null);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/risk-acceptances" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={acceptance.refId ? `${acceptance.refId} · ${acceptance.name}` : acceptance.name}
        actions={
          <Group gap="xs">
            <AcceptanceBadges acceptance={acceptance} size="lg" />
            {unsaved && acceptance.abilities.transitions.length > 0 && (
              <Text size="sm" c="orange.9">
                {t('common:states.saveFirst')}
              </Text>
            )}
            {acceptance.abilities.transitions.map((to) => (
              <Button
                key={to}
                variant={dangerous.includes(to) ? 'outline' : 'default'}
                color={dangerous.includes(to) ? 'red.9' : undefined}
                disabled={unsaved}
                onClick={() => {
                  transition.reset();
                  setMoving(to);
                }}
              >
                {t(`action.${to}`)}
              </Button>
            ))}
            {acceptance.abilities.delete && (
              <Button
                color="red.9"
                variant="filled"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirmingDelete(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {facts.length > 0 && (
          <Group gap="xl">
            {facts.map(([label, value]) => (
              <Stack gap={0} key={label}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text size="sm">{value}</Text>
              </Stack>
            ))}
          </Group>
        )}
        <AcceptanceForm key={acceptance.version} acceptance={acceptance} onReload={onReload} onEdit={markUnsaved} />
        <Divider />
        <CoveredScenarios acceptance={acceptance} />
      </Stack>
      <TransitionDialog
        opened={moving !== null}
        title={shownStep ? t(`action.${shownStep}`) : ''}
        body={
          shownStep
            ? t(`confirm.${shownStep}`, {
                approver: acceptance.approver?.displayName ?? t('noApprover'),
                expiry: acceptance.expiryDate ?? t('noExpiry'),
              })
            : ''
        }
        confirmLabel={shownStep ? t(`action.${shownStep}`) : ''}
        commentLabel={t('comment')}
        commentHint={t('commentHint')}
        danger={moving !== null && dangerous.includes(moving)}
        pending={transition.isPending}
        error={transition.error}
        onClose={() => setMoving(null)}
        onConfirm={(comment) => {
          if (!moving) return;
          transition.mutate(
            { id: acceptance.id, version: acceptance.version, to: moving, ...(comment ? { comment } : {}) },
            {
              onSuccess: () => {
                setMoving(null);
                notifySuccess(t('transitioned'));
              },
            },
          );
        }}
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title={t('deleteTitle')}
        body={t('deleteBody', { name: acceptance.name })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setConfirmingDelete(false);
        }}
        onConfirm={() =>
          remove.mutate(
            { id: acceptance.id, version: acceptance.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: '/risk-acceptances' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
