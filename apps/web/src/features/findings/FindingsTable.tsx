import { Anchor, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { FindingStatusBadge, OverdueBadge, SeverityBadge } from './badges';
import { type FindingFilters, useFindings } from './use-findings';

type FindingSummary = ReturnType<typeof useFindings>['items'][number];

/** One page of findings at a time, with "Load more"; the filters decide which. */
export function FindingsTable({ filters, filtered }: { filters: FindingFilters; filtered: boolean }) {
  const { t } = useTranslation('findings');
  const findings = useFindings(filters);
  const columns: Column<FindingSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (finding) => finding.refId ?? '—' },
    {
      id: 'title',
      header: t('fields.title'),
      cell: (finding) => (
        <Anchor
          renderRoot={(props) => <Link {...props} to="/findings/$findingId" params={{ findingId: finding.id }} />}
        >
          {finding.title}
        </Anchor>
      ),
    },
    { id: 'severity', header: t('fields.severity'), cell: (finding) => <SeverityBadge severity={finding.severity} /> },
    { id: 'status', header: t('fields.status'), cell: (finding) => <FindingStatusBadge status={finding.status} /> },
    { id: 'owner', header: t('fields.owner'), cell: (finding) => finding.owner?.displayName ?? '—' },
    {
      id: 'dueDate',
      header: t('fields.dueDate'),
      cell: (finding) => (
        <Group gap="xs" wrap="nowrap">
          <span>{finding.dueDate ?? '—'}</span>
          <OverdueBadge overdue={finding.overdue} />
        </Group>
      ),
    },
    {
      id: 'assessment',
      header: t('fields.assessment'),
      cell: (finding) => {
        const assessment = finding.findingsAssessment;
        if (!assessment) return '—';
        return (
          <Anchor
            renderRoot={(props) => (
              <Link
                {...props}
                to="/findings-assessments/$findingsAssessmentId"
                params={{ findingsAssessmentId: assessment.id }}
              />
            )}
          >
            {assessment.name}
          </Anchor>
        );
      },
    },
  ];
  return (
    <PagedTable
      query={findings}
      columns={columns}
      rowKey={(finding) => finding.id}
      emptyText={filtered ? t('noMatch') : t('empty')}
      minWidth={820}
    />
  );
}
