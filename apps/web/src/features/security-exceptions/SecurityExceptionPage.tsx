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
import { ExceptionBadges } from './ExceptionBadges';
import { ExceptionForm } from './ExceptionForm';
import { LinkedControls, LinkedRequirementAssessments } from './ExceptionLinks';
import {
  type ExceptionState,
  type SecurityException,
  useDeleteException,
  useException,
  useTransitionException,
} from './use-security-exceptions';

export function SecurityExceptionPage() {
  const { exceptionId } = useParams({ from: '/app/security-exceptions/$exceptionId' });
  const exception = useException(exceptionId);
  return (
    <QueryState query={exception}>
      {exception.data && <ExceptionView exception={exception.data} onReload={() => exception.refetch()} />}
    </QueryState>
  );
}

const dangerous: ExceptionState[] = ['rejected'];

function ExceptionView({ exception, onReload }: { exception: SecurityException; onReload: () => void }) {
  const { t, i18n } = useTranslation(['securityExceptions', 'common']);
  const [unsaved, markUnsaved] = useUnsavedEdits(exception.version);
  const transition = useTransitionException();
  const remove = useDeleteException();
  const navigate = useNavigate();
  const [moving, setMoving] = useState<ExceptionState | null>(null);
  // The dialog keeps its labels while it animates closed (an empty title and button would flash, unnamed).
  const lastStep = useRef<ExceptionState | null>(null);
  if (moving) lastStep.current = moving;
  const shownStep = moving ?? lastStep.current;
  // Back to draft from review is a withdrawal (the approver stops being asked), not the rework of a rejection.
  const stepKey = (to: ExceptionState) => (to === 'draft' && exception.state === 'in_review' ? 'withdraw' : to);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  return (
    <>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/security-exceptions" />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={exception.refId ? `${exception.refId} · ${exception.name}` : exception.name}
        actions={
          <Group gap="xs">
            <ExceptionBadges exception={exception} size="lg" />
            {unsaved && exception.abilities.transitions.length > 0 && (
              <Text size="sm" c="orange.9">
                {t('common:states.saveFirst')}
              </Text>
            )}
            {exception.abilities.transitions.map((to) => (
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
                {t(`action.${stepKey(to)}`)}
              </Button>
            ))}
            {exception.abilities.delete && (
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
        {exception.decidedAt && (
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('fields.decidedAt')}
              </Text>
              <Text size="sm">{new Date(exception.decidedAt).toLocaleString(i18n.language)}</Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('fields.decidedBy')}
              </Text>
              <Text size="sm">{exception.decidedBy?.displayName ?? '—'}</Text>
            </Stack>
          </Group>
        )}
        <ExceptionForm key={exception.version} exception={exception} onReload={onReload} onEdit={markUnsaved} />
        <Divider />
        <LinkedRequirementAssessments exception={exception} />
        <Divider />
        <LinkedControls exception={exception} />
      </Stack>
      <TransitionDialog
        opened={moving !== null}
        title={shownStep ? t(`action.${stepKey(shownStep)}`) : ''}
        body={shownStep ? t(`confirm.${stepKey(shownStep)}`, { expiry: exception.expiryDate ?? t('noExpiry') }) : ''}
        confirmLabel={shownStep ? t(`action.${stepKey(shownStep)}`) : ''}
        commentLabel={t('comment')}
        commentHint={t('commentHint')}
        danger={moving !== null && dangerous.includes(moving)}
        pending={transition.isPending}
        error={transition.error}
        onClose={() => setMoving(null)}
        onConfirm={(comment) => {
          if (!moving) return;
          transition.mutate(
            { id: exception.id, version: exception.version, to: moving, ...(comment ? { comment } : {}) },
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
        body={t('deleteBody', { name: exception.name })}
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
            { id: exception.id, version: exception.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: '/security-exceptions' }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
