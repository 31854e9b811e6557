import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requirementResults, resultColor } from '../assessments/use-assessments';
import { StatusLabel } from './StatusLabel';
import { type ControlStatus, controlStatusColor, type Dashboard } from './use-dashboard';

const percent = (part: number, total: number) => (total === 0 ? 0 : (100 * part) / total);

/** One stacked bar of every requirement result, with a legend that carries the numbers. */
export function ResultsBreakdown({ results }: { results: Dashboard['results'] }) {
  const { t } = useTranslation(['dashboard', 'assessments']);
  const total = Object.values(results).reduce((a, b) => a + b, 0);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('results.total', { count: total })}
      </Text>
      {total > 0 && (
        <Progress.Root size="xl">
          {requirementResults.map((result) =>
            results[result] > 0 ? (
              <Progress.Section
                key={result}
                value={percent(results[result], total)}
                color={resultColor[result]}
                aria-label={t(`assessments:result.${result}`)}
              />
            ) : null,
          )}
        </Progress.Root>
      )}
      <Stack gap={4}>
        {requirementResults.map((result) => (
          <Group key={result} justify="space-between" data-testid={`result-${result}`}>
            <StatusLabel color={resultColor[result]}>{t(`assessments:result.${result}`)}</StatusLabel>
            <Text size="sm" fw={500}>
              {results[result]}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

export function ControlsByStatus({ counts }: { counts: Dashboard['controlsByStatus'] }) {
  const { t } = useTranslation('dashboard');
  const statuses = Object.keys(controlStatusColor) as ControlStatus[];
  const total = statuses.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return <Text c="dimmed">{t('controls.empty')}</Text>;
  return (
    <Stack gap={6}>
      {statuses.map((status) => (
        <div key={status} data-testid={`controls-${status}`}>
          <Group justify="space-between">
            <StatusLabel color={controlStatusColor[status]}>{t(`controlStatus.${status}`)}</StatusLabel>
            <Text size="sm" fw={500}>
              {counts[status]}
            </Text>
          </Group>
          <Progress
            value={percent(counts[status], total)}
            color={controlStatusColor[status]}
            size="sm"
            aria-label={t(`controlStatus.${status}`)}
          />
        </div>
      ))}
    </Stack>
  );
}
