import { ActionIcon, Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { FormAlert } from '../../app/forms/errors';
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
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('scenarios.title')}
      </Title>
      <FormAlert error={add.error ?? remove.error} />
      {acceptance.scenarios.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('scenarios.empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('scenarios.assessment')}</Table.Th>
              <Table.Th>{t('scenarios.level')}</Table.Th>
              {editable && <Table.Th aria-label={t('common:actions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acceptance.scenarios.map((scenario) => (
              <Table.Tr key={scenario.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(props) => (
                      <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
                    )}
                  >
                    {scenario.refId ? `${scenario.refId} · ${scenario.name}` : scenario.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{scenario.riskAssessment.name}</Table.Td>
                <Table.Td>
                  <RiskLevelBadge level={scenario.currentLevel} definition={matrices.get(scenario.riskAssessment.id)} />
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('scenarios.remove', { name: scenario.name })}
                      onClick={() => remove.mutate({ id: acceptance.id, scenarioId: scenario.id })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group align="flex-end" wrap="wrap" mt="xs">
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
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!picked}
            loading={add.isPending}
            onClick={() => {
              if (!picked) return;
              add.mutate({ id: acceptance.id, riskScenarioId: picked }, { onSuccess: () => setPicked(null) });
            }}
          >
            {t('scenarios.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
