import { Anchor, Badge, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { statusColor } from '../controls/use-controls';
import { LevelBadge } from './LevelBadge';
import { type TreatmentPlan, useTreatmentPlan } from './use-risk-register';

type Scenario = TreatmentPlan['gaps'][number] | TreatmentPlan['controls'][number]['scenarios'][number];

/** The planned applied controls of one risk assessment, by ETA, and the scenarios to mitigate that have none. */
export function TreatmentPlanPanel({ riskAssessmentId }: { riskAssessmentId: string }) {
  const { t } = useTranslation('riskRegister');
  const plan = useTreatmentPlan(riskAssessmentId);
  const definition = plan.data?.matrix.definition;

  const scenarioLink = (scenario: Scenario) => (
    <Group gap={6} wrap="nowrap">
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link {...props} to="/risk-scenarios/$scenarioId" params={{ scenarioId: scenario.id }} />
        )}
      >
        {scenario.refId ? `${scenario.refId} ${scenario.name}` : scenario.name}
      </Anchor>
      <LevelBadge level={scenario.currentLevel} definition={definition} />
      <Text size="xs" c="dimmed" aria-hidden>
        →
      </Text>
      <LevelBadge level={scenario.residualLevel} definition={definition} />
    </Group>
  );

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('plan.title')}
      </Title>
      <QueryState query={plan}>
        {plan.data && (
          <Stack>
            {plan.data.controls.length === 0 ? (
              <Text c="dimmed">{t('plan.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped aria-label={t('plan.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plan.control')}</Table.Th>
                      <Table.Th>{t('plan.status')}</Table.Th>
                      <Table.Th>{t('plan.eta')}</Table.Th>
                      <Table.Th>{t('plan.progress')}</Table.Th>
                      <Table.Th>{t('plan.owners')}</Table.Th>
                      <Table.Th>{t('plan.scenarios')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.data.controls.map((control) => (
                      <Table.Tr key={control.id}>
                        <Table.Td>
                          <Anchor
                            renderRoot={(props) => (
                              <Link {...props} to="/controls/$controlId" params={{ controlId: control.id }} />
                            )}
                          >
                            {control.refId ? `${control.refId} ${control.name}` : control.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={statusColor[control.status]} variant="light">
                            {t(`controlStatus.${control.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">{control.eta ?? t('plan.noEta')}</Text>
                            {control.overdue && (
                              <Badge color="red.9" variant="filled">
                                {t('plan.overdue')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Progress
                            value={control.progress}
                            w={90}
                            aria-label={t('plan.progressLabel', { name: control.name, value: control.progress })}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{control.owners.map((o) => o.displayName).join(', ') || '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            {control.scenarios.map((scenario) => (
                              <div key={scenario.id}>{scenarioLink(scenario)}</div>
                            ))}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Title order={3} size="h5">
              {t('plan.gapsTitle')}
            </Title>
            {plan.data.gaps.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('plan.noGaps')}
              </Text>
            ) : (
              <List spacing={4} aria-label={t('plan.gapsTitle')}>
                {plan.data.gaps.map((gap) => (
                  <List.Item key={gap.id}>{scenarioLink(gap)}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
