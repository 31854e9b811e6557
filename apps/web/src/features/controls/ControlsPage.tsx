import { Anchor, Badge, Button, Progress } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { NewControlDialog } from './NewControlDialog';
import { validateControlsSearch } from './search';
import {
  type AppliedControlSummary,
  controlCategories,
  controlStatuses,
  csfFunctions,
  statusColor,
  useControls,
} from './use-controls';

export function ControlsPage() {
  const { t } = useTranslation('controls');
  const can = useCan();
  const [filters, setFilters] = useListSearch(validateControlsSearch);
  const [creating, setCreating] = useState(false);
  const controls = useControls(filters);

  const columns: Column<AppliedControlSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (control) => control.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (control) => (
        <Anchor
          renderRoot={(props) => <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />}
        >
          {control.name}
        </Anchor>
      ),
    },
    {
      id: 'status',
      header: t('fields.status'),
      cell: (control) => (
        <Badge color={statusColor[control.status]} variant="light">
          {t(`status.${control.status}`)}
        </Badge>
      ),
    },
    {
      id: 'category',
      header: t('fields.category'),
      cell: (control) => (control.category ? t(`category.${control.category}`) : '—'),
    },
    {
      id: 'priority',
      header: t('fields.priority'),
      cell: (control) => (control.priority ? t('priority', { value: control.priority }) : '—'),
    },
    { id: 'eta', header: t('fields.eta'), cell: (control) => control.eta ?? '—' },
    {
      id: 'progress',
      header: t('fields.progress'),
      cell: (control) => (
        <Progress value={control.progress} aria-label={`${t('fields.progress')}: ${control.progress}`} w={80} />
      ),
    },
    { id: 'requirements', header: t('columns.requirements'), cell: (control) => control.requirementCount },
    { id: 'evidence', header: t('columns.evidence'), cell: (control) => control.evidenceCount },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('applied_control:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newControl')}
            </Button>
          )
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={filters.q}
          onChange={(q) => setFilters({ q })}
        />
        <SelectFilter
          label={t('fields.status')}
          placeholder={t('any')}
          options={controlStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
        />
        <SelectFilter
          label={t('fields.category')}
          placeholder={t('any')}
          options={controlCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          value={filters.category}
          onChange={(category) => setFilters({ category })}
        />
        <SelectFilter
          label={t('fields.csfFunction')}
          placeholder={t('any')}
          options={csfFunctions.map((f) => ({ value: f, label: t(`csf.${f}`) }))}
          value={filters.csfFunction}
          onChange={(csfFunction) => setFilters({ csfFunction })}
        />
      </ListFilters>
      <PagedTable
        query={controls}
        columns={columns}
        rowKey={(control) => control.id}
        emptyText={hasFilters(filters) ? t('noMatch') : t('empty')}
        minWidth={820}
      />
      <NewControlDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
