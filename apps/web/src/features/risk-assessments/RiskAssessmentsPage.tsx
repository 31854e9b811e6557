import { Anchor, Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { validateRiskAssessmentsSearch } from './search';
import { assessmentStatuses, statusColor, useRiskAssessments } from './use-risk-assessments';

type RiskAssessmentSummary = ReturnType<typeof useRiskAssessments>['items'][number];

export function RiskAssessmentsPage() {
  const { t } = useTranslation('riskAssessments');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateRiskAssessmentsSearch);
  const [creating, setCreating] = useState(false);
  const assessments = useRiskAssessments(search);

  const columns: Column<RiskAssessmentSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (assessment) => assessment.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (assessment) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/risk-assessments/$riskAssessmentId" params={{ riskAssessmentId: assessment.id }} />
          )}
        >
          {assessment.name}
        </Anchor>
      ),
    },
    {
      id: 'status',
      header: t('fields.status'),
      cell: (assessment) => (
        <Badge color={statusColor[assessment.status]} variant="light">
          {t(`status.${assessment.status}`)}
        </Badge>
      ),
    },
    { id: 'matrix', header: t('fields.matrix'), cell: (assessment) => assessment.riskMatrix.name },
    { id: 'dueDate', header: t('fields.dueDate'), cell: (assessment) => assessment.dueDate ?? '—' },
    { id: 'scenarios', header: t('fields.scenarios'), cell: (assessment) => assessment.scenarioCount },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('risk_assessment:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newAssessment')}
            </Button>
          )
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
        />
        <SelectFilter
          label={t('fields.status')}
          placeholder={t('any')}
          options={assessmentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
        />
      </ListFilters>
      <PagedTable
        query={assessments}
        columns={columns}
        rowKey={(assessment) => assessment.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
      />
      <NewAssessmentDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
