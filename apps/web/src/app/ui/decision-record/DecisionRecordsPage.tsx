import { Anchor, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../layout/PageHeader';
import { useCan } from '../../session/can';
import { ListFilters, SearchFilter, SelectFilter, SwitchFilter } from '../list/ListFilters';
import { type Column, PagedTable } from '../list/PagedTable';
import { hasFilters, useListSearch } from '../list/use-list-search';
import { type DecisionListKind, type DecisionSearch, type DecisionSummary, useDecisionT } from './kind';

/**
 * The list of a decision kind: search, state, the kind's own filters and "awaiting my decision" in the URL;
 * reference, name and state, then the kind's columns; "New …" for whoever may create one somewhere.
 */
export function DecisionRecordsPage<S extends string, T extends DecisionSummary<S>, Search extends DecisionSearch<S>>({
  kind,
}: {
  kind: DecisionListKind<S, T, Search>;
}) {
  const { t } = useDecisionT(kind.ns);
  const can = useCan();
  const [search, setSearch] = useListSearch(kind.validateSearch);
  const [creating, setCreating] = useState(false);
  const list = kind.useList(search);
  const { Badges, NewDialog } = kind;

  const columns: Column<T>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (record) => record.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (record) => <Anchor renderRoot={kind.recordLink(record.id)}>{record.name}</Anchor>,
    },
    { id: 'state', header: t('fields.state'), cell: (record) => <Badges record={record} /> },
    ...kind.columns(t),
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere(kind.createPermission) && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t(kind.createLabel)}
            </Button>
          )
        }
      />
      <ListFilters>
        <SearchFilter
          label={t('search')}
          placeholder={t('searchHint')}
          value={search.q}
          onChange={(q) => setSearch({ q } as Partial<Search>)}
          width={240}
        />
        <SelectFilter
          label={t('fields.state')}
          placeholder={t('any')}
          options={kind.states.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={search.state}
          onChange={(state) => setSearch({ state } as Partial<Search>)}
          width={160}
        />
        {kind.filters?.(search, setSearch, t)}
        <SwitchFilter
          label={t('awaitingMe')}
          value={search.awaitingMe}
          onChange={(awaitingMe) => setSearch({ awaitingMe } as Partial<Search>)}
        />
      </ListFilters>
      <PagedTable
        query={list}
        columns={columns}
        rowKey={(record) => record.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
        minWidth={760}
      />
      <NewDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
