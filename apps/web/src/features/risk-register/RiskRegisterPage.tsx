import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useListSearch } from '../../app/ui/list/use-list-search';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { SavedFiltersMenu } from './SavedFiltersMenu';
import { validateRegisterSearch } from './search';
import { useMatrixDefinitions, useRiskScenarios } from './use-risk-register';

/** Every risk scenario the caller may read, filtered and sorted by the URL search, a page at a time. */
export function RiskRegisterPage() {
  const { t } = useTranslation('riskRegister');
  const [search, setSearch] = useListSearch(validateRegisterSearch);
  const scenarios = useRiskScenarios(search);
  const matrices = useMatrixDefinitions(scenarios.items.map((s) => s.riskAssessment.riskMatrixId));
  const filtered = Object.keys(search).some((key) => key !== 'sort');

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        // A saved filter replaces the whole search, and Back returns to the filters before it.
        actions={<SavedFiltersMenu search={search} onApply={(next) => setSearch(next, { clear: true, push: true })} />}
      />
      <RegisterFilters
        search={search}
        onChange={setSearch}
        onClear={() => setSearch({ sort: search.sort }, { clear: true })}
        matrices={matrices}
      />
      <RegisterTable
        query={scenarios}
        matrices={matrices}
        sort={search.sort ?? 'name'}
        onSort={(sort) => setSearch({ sort: sort === 'name' ? undefined : sort })}
        emptyText={filtered ? t('noMatch') : t('empty')}
      />
    </>
  );
}
