import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useCan } from '../../app/session/can';
import { ListFilters, SearchFilter, SelectFilter } from '../../app/ui/list/ListFilters';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { hasFilters, useListSearch } from '../../app/ui/list/use-list-search';
import { ExpiryBadge } from './ExpiryBadge';
import { NewEvidenceDialog } from './NewEvidenceDialog';
import { evidenceValidities, validateEvidenceSearch } from './search';
import { type EvidenceFilters, evidenceStatusColor, evidenceStatuses, useEvidenceList } from './use-evidence';

type EvidenceSummary = ReturnType<typeof useEvidenceList>['items'][number];

export function EvidencePage() {
  const { t } = useTranslation('evidence');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateEvidenceSearch);
  const [creating, setCreating] = useState(false);
  // The URL says what the reader picked ("expiring"); the server is asked for what that means.
  const filters: EvidenceFilters = {
    ...(search.q ? { q: search.q } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.validity === 'expiring' ? { expiring: 30, expired: 'false' as const } : {}),
    ...(search.validity === 'expired' ? { expired: 'true' as const } : {}),
  };
  const list = useEvidenceList(filters);

  const columns: Column<EvidenceSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (evidence) => evidence.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (evidence) => (
        <Anchor
          renderRoot={(props) => <Link {...props} to="/evidence/$evidenceId" params={{ evidenceId: evidence.id }} />}
        >
          {evidence.name}
        </Anchor>
      ),
    },
    {
      id: 'status',
      header: t('fields.status'),
      cell: (evidence) => (
        <Badge variant="light" color={evidenceStatusColor[evidence.status]}>
          {t(`status.${evidence.status}`)}
        </Badge>
      ),
    },
    { id: 'owner', header: t('fields.owner'), cell: (evidence) => evidence.owner?.displayName ?? '—' },
    {
      id: 'validUntil',
      header: t('fields.validUntil'),
      cell: (evidence) => (
        <Group gap="xs">
          <span>{evidence.validUntil ?? '—'}</span>
          <ExpiryBadge validUntil={evidence.validUntil} reminderDays={evidence.reminderDays} />
        </Group>
      ),
    },
    { id: 'revisions', header: t('fields.revisions'), cell: (evidence) => evidence.revisionCount },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('evidence:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newEvidence')}
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
          options={evidenceStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
        />
        <SelectFilter
          label={t('validity')}
          placeholder={t('any')}
          options={evidenceValidities.map((v) => ({ value: v, label: t(`validityOptions.${v}`) }))}
          value={search.validity}
          onChange={(validity) => setSearch({ validity })}
          width={220}
        />
      </ListFilters>
      <PagedTable
        query={list}
        columns={columns}
        rowKey={(evidence) => evidence.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
      />
      <NewEvidenceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
