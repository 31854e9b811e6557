import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { riskMatrixKeys } from '../risk-matrices/keys';
import { describeEvent, type HistoryLine, matricesInEffect, type Ratings, ratingStates } from './history-lines';
import type { MatrixDefinition } from './use-risk-assessments';
import { useObjectHistory } from './use-risk-assessments';

/** One change: "Current rating: Likely × Major (High) → Possible × Major (Medium)". */
function Line({ line }: { line: HistoryLine }) {
  return (
    <Text size="sm">
      <Text span fw={500}>
        {line.label}
      </Text>
      {line.before !== undefined && `: ${line.before} →`}
      {line.after !== undefined && `${line.before === undefined ? ':' : ''} ${line.after}`}
    </Text>
  );
}

/**
 * The scenario's audit events (edits, links, re-ratings, imports), newest first, in words: ratings by their scale
 * names on the matrix in force when each event was written (a re-rating moves older events to the old matrix).
 */
export function ScenarioHistory({
  scenarioId,
  version,
  matrixId,
  ratings,
}: {
  scenarioId: string;
  /** The scenario's version: its history is fetched again for each, to match `ratings`. */
  version: number;
  matrixId: string;
  /** The scenario's ratings now: the state the history is walked back from. */
  ratings: Ratings;
}) {
  const { t, i18n } = useTranslation(['riskAssessments', 'scenarioHistory']);
  const history = useObjectHistory(scenarioId, version);
  type HistoryEvent = (typeof history.items)[number];
  const inEffect = matricesInEffect(history.items, matrixId);
  const states = ratingStates(history.items, ratings);
  const re = history.items.flatMap((e) => {
    const moved = (e.changes as { riskMatrixId?: { before?: unknown } } | null)?.riskMatrixId?.before;
    return typeof moved === 'string' ? [moved] : [];
  });
  const ids = [...new Set([...inEffect, ...re])];
  // A matrix in use is never edited (a change is a new revision), so a definition rarely changes under the history;
  // one no longer used can be edited in place, and then older events read with its new names.
  const matrices = useQueries({
    queries: ids.map((id) => ({
      queryKey: riskMatrixKeys.detail(id),
      queryFn: () => unwrap(api.GET('/api/v1/risk-matrices/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const definitions = new Map<string, MatrixDefinition>();
  matrices.forEach((m, i) => {
    const id = ids[i];
    if (id && m.data) definitions.set(id, m.data.definition as MatrixDefinition);
  });
  const definitionOf = (id: string | undefined) => (id ? definitions.get(id) : undefined);
  // history-lines builds keys from recorded actions and field names: checked there against known lists, so the
  // typed key union of i18next is widened here on purpose.
  const translate = (key: string, options?: Record<string, unknown>) => String(t(key as never, options as never));
  // Each event is read against the matrix and ratings in force when it was written: found by its place in the list.
  const described = history.items.map((event, i) =>
    describeEvent(event, inEffect[i] ?? matrixId, { t: translate, definitionOf }, states[i]),
  );

  const columns: Column<HistoryEvent>[] = [
    {
      id: 'when',
      header: t('history.when'),
      cell: (event) => new Date(event.occurredAt).toLocaleString(i18n.language),
    },
    { id: 'who', header: t('history.who'), cell: (event) => event.actor?.displayName ?? event.actorType },
    { id: 'action', header: t('history.action'), cell: (_event, i) => described[i]?.action },
    {
      id: 'changes',
      header: t('history.changes'),
      cell: (_event, i) => (
        <Stack gap={2}>
          {described[i]?.lines.map((line) => (
            <Line key={line.label} line={line} />
          ))}
        </Stack>
      ),
    },
  ];

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('history.title')}
      </Title>
      <PagedTable
        query={history}
        columns={columns}
        rowKey={(event) => event.id}
        emptyText={t('history.empty')}
        minWidth={640}
        label={t('history.title')}
        striped={false}
        highlightOnHover={false}
      />
    </Paper>
  );
}
