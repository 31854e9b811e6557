import { Anchor, Badge, Table, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
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

function SortableTh({
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
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(nextSort(sort, field))}
        aria-label={t('sortBy', { column: children })}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 700, fontSize: 'inherit' }}
      >
        {children}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

export function RegisterTable({
  items,
  matrices,
  sort,
  onSort,
}: {
  items: RiskScenarioSummary[];
  matrices: Map<string, MatrixDefinition>;
  sort: SortValue;
  onSort: (sort: SortValue) => void;
}) {
  const { t } = useTranslation('riskRegister');
  const formatDate = useFormatDate();
  const th = (field: SortField) => (
    <SortableTh field={field} sort={sort} onSort={onSort}>
      {t(`columns.${field}`)}
    </SortableTh>
  );
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover aria-label={t('title')}>
        <Table.Thead>
          <Table.Tr>
            {th('refId')}
            {th('name')}
            <Table.Th>{t('columns.assessment')}</Table.Th>
            {th('inherentLevel')}
            {th('currentLevel')}
            {th('residualLevel')}
            {th('treatment')}
            <Table.Th>{t('columns.owner')}</Table.Th>
            {th('updatedAt')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((scenario) => {
            const definition = matrices.get(scenario.riskAssessment.riskMatrixId);
            return (
              <Table.Tr key={scenario.id}>
                <Table.Td>{scenario.refId ?? '—'}</Table.Td>
                <Table.Td>
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
                </Table.Td>
                <Table.Td>
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
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={scenario.inherent.level} definition={definition} />
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={scenario.current.level} definition={definition} />
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={scenario.residual.level} definition={definition} />
                </Table.Td>
                <Table.Td>{t(`treatment.${scenario.treatment}`)}</Table.Td>
                <Table.Td>{scenario.owner?.displayName ?? '—'}</Table.Td>
                <Table.Td>{formatDate(scenario.updatedAt, false)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
