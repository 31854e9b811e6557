import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { SeverityBadge } from './badges';
import { validateFindingsAssessmentsSearch } from './search';
import {
  type AssessmentFilters,
  assessmentCategories,
  assessmentStatuses,
  severities,
  useAssessments,
} from './use-findings';

export function AssessmentsTable() {
  const { t } = useTranslation('findings');
  const [search, setSearch] = useListSearch(validateFindingsAssessmentsSearch);
  const filters: AssessmentFilters = {
    ...(search.assessmentQ ? { q: search.assessmentQ } : {}),
    ...(search.assessmentCategory ? { category: search.assessmentCategory } : {}),
    ...(search.assessmentStatus ? { status: search.assessmentStatus } : {}),
  };
  const assessments = useAssessments(filters);
  type Assessment = (typeof assessments.items)[number];

  const columns: Column<Assessment>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (a) => a.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (a) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/findings-assessments/$findingsAssessmentId" params={{ findingsAssessmentId: a.id }} />
          )}
        >
          {a.name}
        </Anchor>
      ),
    },
    { id: 'category', header: t('fields.category'), cell: (a) => t(`category.${a.category}`) },
    {
      id: 'status',
      header: t('fields.status'),
      cell: (a) => (
        <Badge variant="light" color="#495057">
          {t(`assessmentStatus.${a.status}`)}
        </Badge>
      ),
    },
    { id: 'open', header: t('fields.openCount'), cell: (a) => a.openCount },
    { id: 'overdue', header: t('fields.overdueCount'), cell: (a) => a.overdueCount },
    {
      id: 'severity',
      header: t('fields.severity'),
      cell: (a) => (
        <Group gap={4}>
          {severities
            .filter((s) => a.bySeverity[s] > 0)
            .map((s) => (
              <Group key={s} gap={2} wrap="nowrap">
                <SeverityBadge severity={s} size="sm" />
                <Text size="sm">{a.bySeverity[s]}</Text>
              </Group>
            ))}
        </Group>
      ),
    },
  ];

  return (
    <>
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('assessmentSearchHint')}
          value={search.assessmentQ}
          onChange={(assessmentQ) => setSearch({ assessmentQ })}
        />
        <SelectFilter
          label={t('fields.category')}
          placeholder={t('any')}
          options={assessmentCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={search.assessmentCategory}
          onChange={(assessmentCategory) => setSearch({ assessmentCategory })}
          width={190}
        />
        <SelectFilter
          label={t('fields.status')}
          placeholder={t('any')}
          options={assessmentStatuses.map((s) => ({ value: s, label: t(`assessmentStatus.${s}`) }))}
          value={search.assessmentStatus}
          onChange={(assessmentStatus) => setSearch({ assessmentStatus })}
        />
      </ListFilters>
      <PagedTable
        query={assessments}
        columns={columns}
        rowKey={(a) => a.id}
        emptyText={t('assessmentsEmpty')}
        minWidth={820}
      />
    </>
  );
}
