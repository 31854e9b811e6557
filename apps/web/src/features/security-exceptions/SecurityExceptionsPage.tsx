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
import { ExceptionBadges } from './ExceptionBadges';
import { NewSecurityExceptionDialog } from './NewSecurityExceptionDialog';
import { validateExceptionsSearch } from './search';
import { type ExceptionFilters, exceptionStates, severities, useExceptionList } from './use-security-exceptions';

type ExceptionSummary = ReturnType<typeof useExceptionList>['items'][number];

export function SecurityExceptionsPage() {
  const { t } = useTranslation('securityExceptions');
  const can = useCan();
  const [search, setSearch] = useListSearch(validateExceptionsSearch);
  const [creating, setCreating] = useState(false);
  const { awaitingMe, ...rest } = search;
  const filters: ExceptionFilters = { ...rest, ...(awaitingMe ? { awaitingMe: 'true' as const } : {}) };
  const list = useExceptionList(filters);

  const columns: Column<ExceptionSummary>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (exception) => exception.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (exception) => (
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/security-exceptions/$exceptionId" params={{ exceptionId: exception.id }} />
          )}
        >
          {exception.name}
        </Anchor>
      ),
    },
    { id: 'state', header: t('fields.state'), cell: (exception) => <ExceptionBadges exception={exception} /> },
    { id: 'owner', header: t('fields.owner'), cell: (exception) => exception.owner?.displayName ?? '—' },
    { id: 'expiryDate', header: t('fields.expiryDate'), cell: (exception) => exception.expiryDate ?? '—' },
    {
      id: 'links',
      header: t('fields.links'),
      cell: (exception) => exception.requirementAssessmentCount + exception.appliedControlCount,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          can.somewhere('security_exception:create') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('newException')}
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
          options={exceptionStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={search.state}
          onChange={(state) => setSearch({ state })}
          width={160}
        />
        <SelectFilter
          label={t('fields.severity')}
          placeholder={t('any')}
          options={severities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={search.severity}
          onChange={(severity) => setSearch({ severity })}
          width={160}
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
        rowKey={(exception) => exception.id}
        emptyText={hasFilters(search) ? t('noMatch') : t('empty')}
        minWidth={760}
      />
      <NewSecurityExceptionDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
