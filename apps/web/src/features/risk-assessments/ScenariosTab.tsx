import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconFlag, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { QueryState } from '../../app/layout/QueryState';
import { NewScenarioDialog } from './NewScenarioDialog';
import { RiskLevelBadge } from './RiskLevelBadge';
import { type RiskAssessment, ratingKinds, useAssessmentScenarios } from './use-risk-assessments';

/** The scenarios of one assessment, levels in the matrix's colours. */
export function ScenariosTab({ assessment }: { assessment: RiskAssessment }) {
  const { t } = useTranslation('riskAssessments');
  const scenarios = useAssessmentScenarios(assessment.id);
  const [creating, setCreating] = useState(false);
  const definition = assessment.riskMatrix.definition;

  return (
    <>
      {assessment.abilities.createScenario && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('scenarios.newScenario')}
          </Button>
        </Group>
      )}
      <QueryState query={scenarios}>
        {scenarios.items.length === 0 ? (
          <Text c="dimmed">{t('scenarios.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover aria-label={t('tabs.scenarios')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.refId')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  {ratingKinds.map((kind) => (
                    <Table.Th key={kind}>{t(`ratings.${kind}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('scenarios.treatment')}</Table.Th>
                  <Table.Th>{t('scenarios.owner')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scenarios.items.map((scenario) => (
                  <Table.Tr key={scenario.id}>
                    <Table.Td>{scenario.refId ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
                          )}
                        >
                          {scenario.name}
                        </Anchor>
                        {scenario.flagged && (
                          <Badge
                            color="red.9"
                            leftSection={<IconFlag size={12} aria-hidden />}
                            title={t('flaggedHint')}
                          >
                            {t('flagged')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {ratingKinds.map((kind) => (
                      <Table.Td key={kind}>
                        <RiskLevelBadge level={scenario[kind].level} definition={definition} />
                      </Table.Td>
                    ))}
                    <Table.Td>{t(`treatment.${scenario.treatment}`)}</Table.Td>
                    <Table.Td>{scenario.owner?.displayName ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore query={scenarios} />
      </QueryState>
      <NewScenarioDialog riskAssessmentId={assessment.id} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
