import { Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Fragment, type ReactNode, useRef, useState } from 'react';
import { useUnsavedEdits } from '../../forms/use-unsaved-edits';
import { ConfirmDialog } from '../../layout/ConfirmDialog';
import { PageHeader } from '../../layout/PageHeader';
import { QueryState } from '../../layout/QueryState';
import { notifySuccess } from '../notify';
import { TransitionDialog } from '../TransitionDialog';
import { type DecisionKind, type DecisionRecord, useDecisionT } from './kind';

interface DecisionRecordPageProps<S extends string, R extends DecisionRecord<S>> {
  kind: DecisionKind<S, R>;
  id: string;
  /** The state and what goes with it (expiry, severity), beside the title. */
  badges: (record: R) => ReactNode;
  /**
   * The record's own fields, remounted on each new version; `onEdit` on the first unsaved edit holds the state
   * changes back until saved.
   */
  form: (record: R, props: { onReload: () => void; onEdit: () => void }) => ReactNode;
  /** What the record covers (scenarios, requirements, controls), below the form. */
  links: (record: R) => ReactNode;
}

/**
 * A decision record's page: its lifecycle steps (the ones the server says the caller may take now), delete, the
 * dates of its decision, then the kind's form and links.
 */
export function DecisionRecordPage<S extends string, R extends DecisionRecord<S>>(
  props: DecisionRecordPageProps<S, R>,
) {
  const record = props.kind.useRecord(props.id);
  return (
    <QueryState query={record}>
      {record.data && <DecisionRecordView {...props} record={record.data} onReload={() => record.refetch()} />}
    </QueryState>
  );
}

function DecisionRecordView<S extends string, R extends DecisionRecord<S>>({
  kind,
  record,
  onReload,
  badges,
  form,
  links,
}: DecisionRecordPageProps<S, R> & { record: R; onReload: () => void }) {
  const { t, language } = useDecisionT(kind.ns);
  const [unsaved, markUnsaved] = useUnsavedEdits(record.version);
  const transition = kind.useTransition();
  const remove = kind.useDelete();
  const navigate = useNavigate();
  const [moving, setMoving] = useState<S | null>(null);
  // The dialog keeps its labels while it animates closed (an empty title and button would flash, unnamed).
  const lastStep = useRef<S | null>(null);
  if (moving) lastStep.current = moving;
  const shownStep = moving ?? lastStep.current;
  const stepKey = (to: S) => kind.stepKey?.(to, record) ?? to;
  const isDangerous = (to: S) => kind.dangerous.includes(to);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const facts = kind
    .facts(record)
    .flatMap(({ label, value, date }) =>
      value === null ? [] : [[t(label), date ? new Date(value).toLocaleString(language) : value] as const],
    );

  return (
    <>
      <Anchor size="sm" renderRoot={(rootProps) => <Link {...rootProps} to={kind.listPath} />}>
        ← {t('back')}
      </Anchor>
      <PageHeader
        title={record.refId ? `${record.refId} · ${record.name}` : record.name}
        actions={
          <Group gap="xs">
            {badges(record)}
            {unsaved && record.abilities.transitions.length > 0 && (
              <Text size="sm" c="orange.9">
                {t('common:states.saveFirst')}
              </Text>
            )}
            {record.abilities.transitions.map((to) => (
              <Button
                key={to}
                variant={isDangerous(to) ? 'outline' : 'default'}
                color={isDangerous(to) ? 'red.9' : undefined}
                disabled={unsaved}
                onClick={() => {
                  transition.reset();
                  setMoving(to);
                }}
              >
                {t(`action.${stepKey(to)}`)}
              </Button>
            ))}
            {record.abilities.delete && (
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
        <Fragment key={record.version}>{form(record, { onReload, onEdit: markUnsaved })}</Fragment>
        <Divider />
        {links(record)}
      </Stack>
      <TransitionDialog
        opened={moving !== null}
        title={shownStep ? t(`action.${stepKey(shownStep)}`) : ''}
        body={
          shownStep
            ? t(`confirm.${stepKey(shownStep)}`, {
                ...kind.confirmValues?.(record, t),
                expiry: record.expiryDate ?? t('noExpiry'),
              })
            : ''
        }
        confirmLabel={shownStep ? t(`action.${stepKey(shownStep)}`) : ''}
        commentLabel={t('comment')}
        commentHint={t('commentHint')}
        danger={moving !== null && isDangerous(moving)}
        pending={transition.isPending}
        error={transition.error}
        onClose={() => setMoving(null)}
        onConfirm={(comment) => {
          if (!moving) return;
          transition.mutate(
            { id: record.id, version: record.version, to: moving, ...(comment ? { comment } : {}) },
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
        body={t('deleteBody', { name: record.name })}
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
            { id: record.id, version: record.version },
            {
              onSuccess: () => {
                notifySuccess(t('deleted'));
                navigate({ to: kind.listPath }).catch(() => {});
              },
            },
          )
        }
      />
    </>
  );
}
