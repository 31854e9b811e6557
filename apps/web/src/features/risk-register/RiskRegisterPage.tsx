import { Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { SavedFiltersMenu } from './SavedFiltersMenu';
import type { RegisterSearch } from './search';
import { useMatrixDefinitions, useRiskScenarios } from './use-risk-register';

const route = getRouteApi('/app/risk-scenarios');

/** Every risk scenario the caller may read, filtered and sorted by the URL search, a page at a time. */
export function RiskRegisterPage() {
  const { t } = useTranslation('riskRegister');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const scenarios = useRiskScenarios(search);
  const matrices = useMatrixDefinitions(scenarios.items.map((s) => s.riskAssessment.riskMatrixId));

  const replace = (next: RegisterSearch) => navigate({ search: next, replace: true });
  const change = (changes: Partial<RegisterSearch>) => replace({ ...search, ...changes });
  const filtered = Object.keys(search).some((key) => key !== 'sort');

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={<SavedFiltersMenu search={search} onApply={(next) => navigate({ search: next })} />}
      />
      <RegisterFilters
        search={search}
        onChange={change}
        onClear={() => replace(search.sort ? { sort: search.sort } : {})}
        matrices={matrices}
      />
      <QueryState query={scenarios}>
        {scenarios.items.length === 0 ? (
          <Text c="dimmed">{filtered ? t('noMatch') : t('empty')}</Text>
        ) : (
          <RegisterTable
            items={scenarios.items}
            matrices={matrices}
            sort={search.sort ?? 'name'}
            onSort={(sort) => change({ sort: sort === 'name' ? undefined : sort })}
          />
        )}
        <LoadMore query={scenarios} />
      </QueryState>
    </>
  );
}
