import { Anchor, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter, SwitchFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { AcceptanceBadges } from './AcceptanceBadges';
import { NewRiskAcceptanceDialog } from './NewRiskAcceptanceDialog';
import { acceptanceValidities, validateAcceptancesSearch } from './search';
import { type AcceptanceFilters, acceptanceStates, useAcceptanceList } from './use-risk-acceptances';

type AcceptanceSummary = ReturnType<typeof useAcceptanceList>['items'][number];

export function RiskAcceptancesPage() {
  const { t } = useTranslation('riskAcceptances');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateAcceptancesSearch);
  const [creating, setCreating] = useState(false);
  // The URL says what the reader picked ("expiring"); the server is asked for what that means (within 30 days).
  const filters: AcceptanceFilters = {
    ...(search.q ? { q: search.q } : {}),
    ...(search.state ? { state: search.state } : {}),
    ...(search.validity === 'inForce' ? { inForce: 'true' as const } : {}),
    ...(search.validity === 'notInForce' ? { inForce: 'false' as const } : {}),
    ...(search.validity === 'expiring' ? { expiringWithinDays: 30 } : {}),
    ...(search.awaitingMe ? { awaitingMe: 'true' as const } : {}),
  };
  const list = useAcceptanceList(filters);

  const columns: Column<AcceptanceSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (acceptance) => acceptance.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (acceptance) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/risk-acceptances/$acceptanceId" params={{ acceptanceId: acceptance.id }} />
          )}
        >
          {acceptance.name}
        </Anchor>
      ),
    },
    { id: 'state', header: t('fields.state'), cell: (acceptance) => <AcceptanceBadges acceptance={acceptance} /> },
    { id: 'approver', header: t('fields.approver'), cell: (acceptance) => acceptance.approver?.displayName ?? '—' },
    { id: 'expiryDate', header: t('fields.expiryDate'), cell: (acceptance) => acceptance.expiryDate ?? '—' },
    { id: 'scenarios', header: t('fields.scenarios'), cell: (acceptance) => acceptance.scenarioCount },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('risk_acceptance:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newAcceptance')}
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
          width={240}
        />
        <SelectFilter
          label={t('fields.state')}
          placeholder={t('any')}
          options={acceptanceStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={search.state}
          onChange={(state) => setSearch({ state })}
          width={160}
        />
        <SelectFilter
          label={t('validity')}
          placeholder={t('any')}
          options={acceptanceValidities.map((v) => ({ value: v, label: t(`validityOptions.${v}`) }))}
          value={search.validity}
          onChange={(validity) => setSearch({ validity })}
          width={220}
        />
        <SwitchFilter
          label={t('awaitingMe')}
          value={search.awaitingMe}
          onChange={(value) => setSearch({ awaitingMe: value })}
        />
      </ListFilters>
      <PagedTable
        query={list}
        columns={columns}
        rowKey={(acceptance) => acceptance.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
        minWidth={760}
      />
      <NewRiskAcceptanceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
