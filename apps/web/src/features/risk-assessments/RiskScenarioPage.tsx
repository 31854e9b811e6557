import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/layout/ConfirmDialog';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryState } from '../../app/layout/QueryState';
import { notifySuccess } from '../../app/ui/notify';
import { RatingsEditor } from './RatingsEditor';
import { ScenarioForm } from './ScenarioForm';
import { ScenarioHistory } from './ScenarioHistory';
import { AcceptancesSection, ScenarioLinks } from './ScenarioLinks';
import { type RiskScenario, useDeleteScenario, useRiskAssessment, useScenario } from './use-risk-assessments';

/*
 * The ratings editor and the fields form each start from the server's values and keep unsaved edits in their own
 * state. Each is remounted (reset) only when what it edits changed on the server — not on any new version: saving
 * the ratings must not throw away a description being typed below, and the reverse. Both send the latest version
 * they receive, so a change by someone else still ends in a version conflict rather than a silent overwrite.
 */
const ratingsKey = (s: RiskScenario, matrixId: string) =>
  JSON.stringify(
    [matrixId, s.inherent, s.current, s.residual].map((r) => (typeof r === 'string' ? r : [r.probability, r.impact])),
  );
const fieldsKey = (s: RiskScenario) =>
  JSON.stringify([
    s.name,
    s.refId,
    s.description,
    s.vulnerabilities,
    s.existingControlsText,
    s.treatment,
    s.strengthOfKnowledge,
    s.owner?.id ?? null,
    s.justification,
  ]);

export function RiskScenarioPage() {
  const { scenarioId } = useParams({ from: '/app/risk-scenarios/$scenarioId' });
  const scenario = useScenario(scenarioId);
  return (
    <QueryState query={scenario}>
      {scenario.data && <ScenarioView scenario={scenario.data} onReload={() => scenario.refetch()} />}
    </QueryState>
  );
}

function ScenarioView({ scenario, onReload }: { scenario: RiskScenario; onReload: () => void }) {
  const { t } = useTranslation(['riskAssessments', 'common']);
  // The matrix (scales, levels, colours) comes with the assessment.
  const assessment = useRiskAssessment(scenario.riskAssessment.id);
  const remove = useDeleteScenario();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const backToAssessment = () =>
    navigate({
      to: '/risk-assessments/$riskAssessmentId',
      params: { riskAssessmentId: scenario.riskAssessment.id },
    }).catch(() => {});

  return (
    <>
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link
            {...props}
            to="/risk-assessments/$riskAssessmentId"
            params={{ riskAssessmentId: scenario.riskAssessment.id }}
          />
        )}
      >
        ← {scenario.riskAssessment.name}
      </Anchor>
      <PageHeader
        title={scenario.refId ? `${scenario.refId} · ${scenario.name}` : scenario.name}
        actions={
          <Group gap="xs">
            {scenario.abilities.delete && (
              <Button
                color="red.9"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <QueryState query={assessment}>
          {assessment.data && (
            <RatingsEditor
              key={ratingsKey(scenario, assessment.data.riskMatrix.id)}
              scenario={scenario}
              definition={assessment.data.riskMatrix.definition}
              onReload={onReload}
            />
          )}
        </QueryState>
        <ScenarioForm key={fieldsKey(scenario)} scenario={scenario} onReload={onReload} />
        <ScenarioLinks scenario={scenario} />
        <AcceptancesSection scenario={scenario} />
        {assessment.data && (
          <ScenarioHistory
            scenarioId={scenario.id}
            version={scenario.version}
            matrixId={assessment.data.riskMatrix.id}
            ratings={{ inherent: scenario.inherent, current: scenario.current, residual: scenario.residual }}
          />
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('scenarios.deleteTitle')}
        body={t('scenarios.deleteBody', { name: scenario.name })}
        confirmLabel={t('common:actions.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() =>
          remove.mutate(
            { id: scenario.id, version: scenario.version },
            {
              onSuccess: () => {
                notifySuccess(t('scenarios.deleted'));
                backToAssessment();
              },
            },
          )
        }
      />
    </>
  );
}
