import { Anchor, Badge, Button, Progress, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../app/format';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { InferAssessmentButton } from '../mapping-inference/InferAssessmentButton';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { validateAssessmentsSearch } from './search';
import { assessmentStatuses, statusColor, useAssessments } from './use-assessments';

type AssessmentSummary = ReturnType<typeof useAssessments>['items'][number];

export function AssessmentsPage() {
  const { t } = useTranslation('assessments');
  const can = useCan();
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const [search, setSearch] = useListSearch(validateAssessmentsSearch);
  const [creating, setCreating] = useState(false);
  const assessments = useAssessments({ q: search.q ?? '', status: search.status ?? null, frameworkId: null });

  const columns: Column<AssessmentSummary>[] = [
    {
      id: 'name',
      header: t('columns.name'),
      cell: (a) => (
        <>
          <Anchor
            renderRoot={(props) => <Link {...props} to="/assessments/$assessmentId" params={{ assessmentId: a.id }} />}
          >
            {a.name}
          </Anchor>
          {a.refId && (
            <Text size="xs" c="dimmed" ff="monospace">
              {a.refId}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'framework',
      header: t('columns.framework'),
      cell: (a) => (
        <>
          {a.frameworkName}
          <Text size="xs" c="dimmed">
            {t('frameworkVersion', { version: a.frameworkVersion })}
            {a.implementationGroups.length > 0 && ` · ${a.implementationGroups.join(', ')}`}
          </Text>
        </>
      ),
    },
    { id: 'folder', header: t('columns.folder'), cell: (a) => a.folderName },
    {
      id: 'status',
      header: t('columns.status'),
      cell: (a) => (
        <Badge color={statusColor[a.status]} variant="light">
          {t(`status.${a.status}`)}
        </Badge>
      ),
    },
    {
      id: 'progress',
      header: t('columns.progress'),
      minWidth: 140,
      cell: (a) => (
        <>
          <Progress value={a.progress} aria-label={t('progressOf', { name: a.name, value: a.progress })} size="md" />
          <Text size="xs" c="dimmed">
            {t('progressCount', { assessed: a.requirementCount - a.results.not_assessed, total: a.requirementCount })}
          </Text>
        </>
      ),
    },
    { id: 'dueDate', header: t('columns.dueDate'), cell: (a) => (a.dueDate ? formatDate(a.dueDate, false) : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <InferAssessmentButton />
            {can.somewhere('compliance_assessment:create') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('create.action')}
              </Button>
            )}
          </>
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
          width={320}
        />
        <SelectFilter
          label={t('columns.status')}
          placeholder={t('filters.any')}
          options={assessmentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
          width={200}
        />
      </ListFilters>
      <PagedTable
        query={assessments}
        columns={columns}
        rowKey={(assessment) => assessment.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
        minWidth={820}
      />
      <NewAssessmentDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate({ to: '/assessments/$assessmentId', params: { assessmentId: id } })}
      />
    </>
  );
}
