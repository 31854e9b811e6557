import { Anchor, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from './use-dashboard';

/** A compliance bar per framework (compliant among assessed requirements that apply) and its progress. */
export function FrameworkBars({ frameworks }: { frameworks: Dashboard['frameworks'] }) {
  const { t } = useTranslation('dashboard');
  return (
    <Stack gap="md">
      {frameworks.map((framework) => (
        <div key={framework.id} data-testid={`framework-${framework.id}`}>
          <Group justify="space-between" gap="xs" mb={4}>
            <Text fw={500}>{framework.name}</Text>
            <Group gap="sm">
              <Text size="sm" data-testid="compliance">
                {t('frameworks.compliance')}:{' '}
                {framework.compliancePercent === null ? t('frameworks.noResult') : `${framework.compliancePercent} %`}
              </Text>
              <Anchor
                size="sm"
                renderRoot={(props) => (
                  <Link {...props} to="/library/$frameworkId/coverage" params={{ frameworkId: framework.id }} />
                )}
              >
                {t('frameworks.coverage')}
              </Anchor>
            </Group>
          </Group>
          <Progress
            value={framework.compliancePercent ?? 0}
            color="green"
            size="lg"
            aria-label={`${framework.name}: ${t('frameworks.compliance')}`}
          />
          <Text size="xs" c="dimmed" mt={2}>
            {t('frameworks.line', { count: framework.assessmentCount, progress: framework.progressPercent })}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

export function AssessmentTable({ assessments }: { assessments: Dashboard['assessments'] }) {
  const { t } = useTranslation('dashboard');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assessments.name')}</Table.Th>
            <Table.Th>{t('assessments.framework')}</Table.Th>
            <Table.Th>{t('assessments.compliance')}</Table.Th>
            <Table.Th>{t('assessments.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/assessments/$assessmentId" params={{ assessmentId: a.id }} />
                  )}
                >
                  {a.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.framework.name}</Table.Td>
              <Table.Td>{a.compliancePercent === null ? '—' : `${a.compliancePercent} %`}</Table.Td>
              <Table.Td miw={140}>
                <Progress value={a.progressPercent} size="sm" aria-label={`${a.name}: ${t('assessments.progress')}`} />
                <Text size="xs" c="dimmed">
                  {a.progressPercent} %
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
