import { Button, Group, Select, Tabs } from '@mantine/core';
import { IconClockHour4, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { CheckboxFilter, ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { AssessmentsTable } from './AssessmentsTable';
import { FindingsTable } from './FindingsTable';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { NewFindingDialog } from './NewFindingDialog';
import { SlaDialog } from './SlaDialog';
import { defaultFindingSort, findingSorts, validateFindingsSearch, validateFindingsTab } from './search';
import { type FindingFilters, findingStatuses, severities, useSlas } from './use-findings';

export function FindingsPage() {
  const { t } = useTranslation('findings');
  const can = useCan();
  const slas = useSlas();
  const [creating, setCreating] = useState<'finding' | 'assessment' | 'sla' | null>(null);
  const mayCreate = can.somewhere('finding:create');
  const [{ tab }, setTab] = useListSearch(validateFindingsTab);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Group gap="xs">
            {slas.data?.abilities.update && (
              <Button
                variant="default"
                leftSection={<IconClockHour4 size={16} aria-hidden />}
                onClick={() => setCreating('sla')}
              >
                {t('sla.button')}
              </Button>
            )}
            {mayCreate && (
              <Button variant="default" onClick={() => setCreating('assessment')}>
                {t('newAssessment')}
              </Button>
            )}
            {mayCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating('finding')}>
                {t('newFinding')}
              </Button>
            )}
          </Group>
        }
      />
      <Tabs
        value={tab ?? 'findings'}
        onChange={(picked) => setTab({ tab: picked === 'assessments' ? 'assessments' : undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="findings">{t('tabs.findings')}</Tabs.Tab>
          <Tabs.Tab value="assessments">{t('tabs.assessments')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="findings">
          <FindingsList />
        </Tabs.Panel>
        <Tabs.Panel value="assessments">
          <AssessmentsTable />
        </Tabs.Panel>
      </Tabs>
      <NewFindingDialog opened={creating === 'finding'} onClose={() => setCreating(null)} />
      <NewAssessmentDialog opened={creating === 'assessment'} onClose={() => setCreating(null)} />
      {slas.data && creating === 'sla' && <SlaDialog slas={slas.data} opened onClose={() => setCreating(null)} />}
    </>
  );
}

function FindingsList() {
  const { t } = useTranslation('findings');
  const [search, setSearch] = useListSearch(validateFindingsSearch);
  const filters: FindingFilters = {
    sort: search.sort ?? defaultFindingSort,
    ...(search.q ? { q: search.q } : {}),
    ...(search.severity ? { severity: search.severity } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.open ? { open: 'true' as const } : {}),
    ...(search.overdue ? { overdue: 'true' as const } : {}),
  };
  return (
    <>
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q })}
          width={240}
        />
        <SelectFilter
          label={t('fields.severity')}
          placeholder={t('any')}
          options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={search.severity}
          onChange={(severity) => setSearch({ severity })}
          width={150}
        />
        <SelectFilter
          label={t('fields.status')}
          placeholder={t('any')}
          options={findingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
          width={160}
        />
        <Select
          label={t('sort.label')}
          data={[
            { value: '-severity', label: t('sort.severity') },
            { value: 'dueDate', label: t('sort.dueDate') },
            { value: '-identifiedAt', label: t('sort.identifiedAt') },
            { value: 'title', label: t('sort.title') },
            { value: '-updatedAt', label: t('sort.updatedAt') },
          ]}
          value={search.sort ?? defaultFindingSort}
          onChange={(value) => {
            const sort = findingSorts.find((s) => s === value);
            setSearch({ sort: sort === defaultFindingSort ? undefined : sort });
          }}
          allowDeselect={false}
          w={190}
        />
        <CheckboxFilter label={t('openOnly')} value={search.open} onChange={(open) => setSearch({ open })} />
        <CheckboxFilter
          label={t('overdueOnly')}
          value={search.overdue}
          onChange={(overdue) => setSearch({ overdue })}
        />
      </ListFilters>
      {/* The order is not a filter: a sorted list with no match is still "nothing yet". */}
      <FindingsTable filters={filters} filtered={hasFilters({ ...search, sort: undefined })} />
    </>
  );
}
