import { ActionIcon, Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../app/forms/errors';
import { type RiskAcceptance, useAddScenario, useRemoveScenario, useScenarioSearch } from './use-risk-acceptances';

/** The risk scenarios the acceptance covers; added and removed only while it can be edited. */
export function CoveredScenarios({ acceptance }: { acceptance: RiskAcceptance }) {
  const { t } = useTranslation(['riskAcceptances', 'common']);
  const add = useAddScenario();
  const remove = useRemoveScenario();
  const editable = acceptance.abilities.update;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useScenarioSearch(editable ? q : '');
  const [picked, setPicked] = useState<string | null>(null);
  const linked = new Set(acceptance.scenarios.map((s) => s.id));
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
                <Table.Td>{scenario.currentLevel < 0 ? '—' : scenario.currentLevel + 1}</Table.Td>
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
