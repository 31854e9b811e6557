import { Anchor, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { LinkedTable } from '../../app/ui/decision-record/LinkedTable';
import { riskAssessmentKeys } from '../risk-assessments/keys';
import { RiskLevelBadge } from '../risk-assessments/RiskLevelBadge';
import type { MatrixDefinition } from '../risk-assessments/use-risk-assessments';
import { type RiskAcceptance, useAddScenario, useRemoveScenario, useScenarioSearch } from './use-risk-acceptances';

/**
 * The matrices of the covered scenarios' assessments, so a level shows by its name and colour. Same query as the
 * assessment page (`riskAssessmentKeys.detail(id)`), so the cache is shared.
 */
function useAssessmentMatrices(assessmentIds: string[]) {
  const ids = [...new Set(assessmentIds)];
  const queries = useQueries({
    queries: ids.map((id) => ({
      queryKey: riskAssessmentKeys.detail(id),
      queryFn: () => unwrap(api.GET('/api/v1/risk-assessments/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const matrices = new Map<string, MatrixDefinition>();
  for (const query of queries) if (query.data) matrices.set(query.data.id, query.data.riskMatrix.definition);
  return matrices;
}

/** The risk scenarios the acceptance covers; added and removed only while it can be edited. */
export function CoveredScenarios({ acceptance }: { acceptance: RiskAcceptance }) {
  const { t } = useTranslation(['riskAcceptances', 'common']);
  const add = useAddScenario();
  const remove = useRemoveScenario();
  const editable = acceptance.abilities.update;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useScenarioSearch(q, editable);
  const [picked, setPicked] = useState<string | null>(null);
  const linked = new Set(acceptance.scenarios.map((s) => s.id));
  const matrices = useAssessmentMatrices(acceptance.scenarios.map((s) => s.riskAssessment.id));
  const options = (found.data ?? [])
    .filter((s) => !linked.has(s.id))
    .map((s) => ({ value: s.id, label: `${s.refId ? `${s.refId} · ` : ''}${s.name} (${s.riskAssessment.name})` }));

  return (
    <LinkedTable
      title={t('scenarios.title')}
      emptyText={t('scenarios.empty')}
      items={acceptance.scenarios}
      columns={[
        {
          id: 'name',
          header: t('fields.name'),
          cell: (scenario) => (
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
              )}
            >
              {scenario.refId ? `${scenario.refId} · ${scenario.name}` : scenario.name}
            </Anchor>
          ),
        },
        { id: 'assessment', header: t('scenarios.assessment'), cell: (scenario) => scenario.riskAssessment.name },
        {
          id: 'level',
          header: t('scenarios.level'),
          cell: (scenario) => (
            <RiskLevelBadge level={scenario.currentLevel} definition={matrices.get(scenario.riskAssessment.id)} />
          ),
        },
      ]}
      rowKey={(scenario) => scenario.id}
      editable={editable}
      error={add.error ?? remove.error}
      removeLabel={(scenario) => t('scenarios.remove', { name: scenario.name })}
      onRemove={(scenario) => remove.mutate({ id: acceptance.id, scenarioId: scenario.id })}
      pickers={
        <Select
          label={t('scenarios.pick')}
          placeholder={t('scenarios.pickHint')}
          data={options}
          value={picked}
          onChange={setPicked}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          w={380}
          comboboxProps={{ withinPortal: true }}
        />
      }
      add={{
        label: t('scenarios.add'),
        icon: <IconPlus size={16} aria-hidden />,
        picked: Boolean(picked),
        pending: add.isPending,
        onAdd: () => {
          if (!picked) return;
          add.mutate({ id: acceptance.id, riskScenarioId: picked }, { onSuccess: () => setPicked(null) });
        },
      }}
    />
  );
}
