import { Anchor, Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { type Column, type PagedItems, PagedTable } from '../../app/ui/list/PagedTable';
import { LevelBadge } from './LevelBadge';
import type { SortField, SortValue } from './search';
import type { MatrixDefinition, RiskScenarioSummary } from './use-risk-register';

/** Levels and dates read best worst/newest first; names and codes alphabetically. */
const descendingFirst = new Set<SortField>(['inherentLevel', 'currentLevel', 'residualLevel', 'updatedAt']);

export function nextSort(current: SortValue, field: SortField): SortValue {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  return descendingFirst.has(field) ? `-${field}` : field;
}

/** A sortable column's header: a button that flips the order (its `aria-sort` is set on the header cell). */
function SortButton({
  field,
  sort,
  onSort,
  children,
}: {
  field: SortField;
  sort: SortValue;
  onSort: (sort: SortValue) => void;
  children: string;
}) {
  const { t } = useTranslation('riskRegister');
  const direction = sortDirection(sort, field);
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton
      onClick={() => onSort(nextSort(sort, field))}
      aria-label={t('sortBy', { column: children })}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 700, fontSize: 'inherit' }}
    >
      {children}
      <Icon size={14} aria-hidden />
    </UnstyledButton>
  );
}

const sortDirection = (sort: SortValue, field: SortField): 'ascending' | 'descending' | 'none' =>
  sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';

/** The register's table: scenarios across assessments, levels in each one's matrix colours, sortable headers. */
export function RegisterTable({
  query,
  matrices,
  sort,
  onSort,
  emptyText,
}: {
  query: PagedItems<RiskScenarioSummary>;
  matrices: Map<string, MatrixDefinition>;
  sort: SortValue;
  onSort: (sort: SortValue) => void;
  emptyText: string;
}) {
  const { t } = useTranslation('riskRegister');
  const formatDate = useFormatDate();
  const sortable = (field: SortField) => ({
    id: field,
    sorted: sortDirection(sort, field),
    header: (
      <SortButton field={field} sort={sort} onSort={onSort}>
        {t(`columns.${field}`)}
      </SortButton>
    ),
  });
  const level = (kind: 'inherent' | 'current' | 'residual'): Column<RiskScenarioSummary> => ({
    ...sortable(`${kind}Level`),
    cell: (scenario) => (
      <LevelBadge level={scenario[kind].level} definition={matrices.get(scenario.riskAssessment.riskMatrixId)} />
    ),
  });
  const columns: Column<RiskScenarioSummary>[] = [
    { ...sortable('refId'), cell: (scenario) => scenario.refId ?? '—' },
    {
      ...sortable('name'),
      cell: (scenario) => (
        <>
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
            )}
          >
            {scenario.name}
          </Anchor>
          {scenario.flagged && (
            <Tooltip label={t('flaggedHint')}>
              <Badge color="red.9" variant="filled" ml={6} size="sm">
                {t('flagged')}
              </Badge>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      id: 'assessment',
      header: t('columns.assessment'),
      cell: (scenario) => (
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link
              {...props}
              to="/risk-assessments/$riskAssessmentId"
              params={{ riskAssessmentId: scenario.riskAssessment.id }}
            />
          )}
        >
          {scenario.riskAssessment.name}
        </Anchor>
      ),
    },
    level('inherent'),
    level('current'),
    level('residual'),
    { ...sortable('treatment'), cell: (scenario) => t(`treatment.${scenario.treatment}`) },
    { id: 'owner', header: t('columns.owner'), cell: (scenario) => scenario.owner?.displayName ?? '—' },
    { ...sortable('updatedAt'), cell: (scenario) => formatDate(scenario.updatedAt, false) },
  ];
  return (
    <PagedTable
      query={query}
      columns={columns}
      rowKey={(scenario) => scenario.id}
      emptyText={emptyText}
      minWidth={980}
      label={t('title')}
    />
  );
}
