import { Button, Checkbox, Group, Select, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClockHour4, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { AssessmentsTable } from './AssessmentsTable';
import { FindingsTable } from './FindingsTable';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { NewFindingDialog } from './NewFindingDialog';
import { SlaDialog } from './SlaDialog';
import { type FindingFilters, findingStatuses, severities, useSlas } from './use-findings';

export function FindingsPage() {
  const { t } = useTranslation('findings');
  const can = useCan();
  const slas = useSlas();
  const [creating, setCreating] = useState<'finding' | 'assessment' | 'sla' | null>(null);
  const mayCreate = can.somewhere('finding:create');

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
      <Tabs defaultValue="findings" keepMounted={false}>
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
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [severity, setSeverity] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<string>('-severity');
  const filters: FindingFilters = {
    sort: sort as FindingFilters['sort'],
    ...(q ? { q } : {}),
    ...(severity ? { severity: severity as FindingFilters['severity'] } : {}),
    ...(status ? { status: status as FindingFilters['status'] } : {}),
    ...(open ? { open: 'true' as const } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  };
  const filtered = Boolean(q || severity || status || open || overdue);
  return (
    <>
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('search')}
          placeholder={t('searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={200}
          type="search"
          w={240}
        />
        <Select
          label={t('fields.severity')}
          placeholder={t('any')}
          data={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={150}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('any')}
          data={findingStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={160}
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
          value={sort}
          onChange={(value) => setSort(value ?? '-severity')}
          allowDeselect={false}
          w={190}
        />
        <Checkbox label={t('openOnly')} checked={open} onChange={(e) => setOpen(e.currentTarget.checked)} mb={8} />
        <Checkbox
          label={t('overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <FindingsTable filters={filters} filtered={filtered} />
    </>
  );
}
