import { Anchor, Badge, Button, Group } from '@mantine/core';
import { IconFlag, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, PagedTable } from '../../app/ui/list/PagedTable';
import { NewScenarioDialog } from './NewScenarioDialog';
import { RiskLevelBadge } from './RiskLevelBadge';
import { type RiskAssessment, ratingKinds, useAssessmentScenarios } from './use-risk-assessments';

/** The scenarios of one assessment, levels in the matrix's colours. */
export function ScenariosTab({ assessment }: { assessment: RiskAssessment }) {
  const { t } = useTranslation('riskAssessments');
  const scenarios = useAssessmentScenarios(assessment.id);
  const [creating, setCreating] = useState(false);
  const definition = assessment.riskMatrix.definition;
  type Scenario = (typeof scenarios.items)[number];

  const columns: Column<Scenario>[] = [
    { id: 'refId', header: t('fields.refId'), cell: (scenario) => scenario.refId ?? '—' },
    {
      id: 'name',
      header: t('fields.name'),
      cell: (scenario) => (
        <Group gap={6} wrap="nowrap">
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
            )}
          >
            {scenario.name}
          </Anchor>
          {scenario.flagged && (
            <Badge color="red.9" leftSection={<IconFlag size={12} aria-hidden />} title={t('flaggedHint')}>
              {t('flagged')}
            </Badge>
          )}
        </Group>
      ),
    },
    ...ratingKinds.map(
      (kind): Column<Scenario> => ({
        id: kind,
        header: t(`ratings.${kind}`),
        cell: (scenario) => <RiskLevelBadge level={scenario[kind].level} definition={definition} />,
      }),
    ),
    { id: 'treatment', header: t('scenarios.treatment'), cell: (scenario) => t(`treatment.${scenario.treatment}`) },
    { id: 'owner', header: t('scenarios.owner'), cell: (scenario) => scenario.owner?.displayName ?? '—' },
  ];

  return (
    <>
      {assessment.abilities.createScenario && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('scenarios.newScenario')}
          </Button>
        </Group>
      )}
      <PagedTable
        query={scenarios}
        columns={columns}
        rowKey={(scenario) => scenario.id}
        emptyText={t('scenarios.empty')}
        minWidth={820}
        label={t('tabs.scenarios')}
      />
      <NewScenarioDialog riskAssessmentId={assessment.id} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
