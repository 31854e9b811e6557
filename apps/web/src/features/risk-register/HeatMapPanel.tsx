import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/layout/QueryState';
import { textColorOn } from './contrast';
import { HeatMapGrid } from './HeatMapGrid';
import { ratingKinds } from './search';
import { useHeatMap } from './use-risk-register';

/** The inherent, current and residual heat maps of one risk assessment, side by side, with the level legend. */
export function HeatMapPanel({ riskAssessmentId }: { riskAssessmentId: string }) {
  const { t } = useTranslation('riskRegister');
  const heatMap = useHeatMap(riskAssessmentId);
  const data = heatMap.data;
  const levels = data?.matrix.definition.risk ?? [];
  const tolerance = data?.riskToleranceLevel ?? null;

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('heatMap.title')}
      </Title>
      <QueryState query={heatMap}>
        {data && (
          <Stack>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              {ratingKinds.map((kind) => (
                <Stack key={kind} gap={4}>
                  <HeatMapGrid
                    kind={kind}
                    riskAssessmentId={riskAssessmentId}
                    definition={data.matrix.definition}
                    counts={data[kind]}
                    tolerance={tolerance}
                  />
                  <Text size="xs" c="dimmed">
                    {t('heatMap.unrated', { count: data.unrated[kind] })}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            <Group gap="xs" aria-label={t('heatMap.legend')} role="list">
              <Text size="sm" fw={600}>
                {t('heatMap.legend')}:
              </Text>
              {levels.map((level, index) => (
                <Badge
                  key={level.name}
                  role="listitem"
                  style={{
                    background: level.color,
                    color: textColorOn(level.color),
                    outline: tolerance !== null && index > tolerance ? '2px solid #212529' : undefined,
                  }}
                >
                  {level.name}
                </Badge>
              ))}
            </Group>
            <Group gap="md">
              <Text size="sm">
                {tolerance !== null && levels[tolerance]
                  ? t('heatMap.tolerance', { level: levels[tolerance].name })
                  : t('heatMap.noTolerance')}
              </Text>
              {tolerance !== null && (
                <Group gap={6}>
                  <Box w={14} h={14} style={{ outline: '2px solid #212529', outlineOffset: -2 }} aria-hidden />
                  <Text size="sm">{t('heatMap.aboveTolerance')}</Text>
                </Group>
              )}
              <Badge color="red" variant="filled">
                {t('heatMap.flagged', { count: data.flaggedCount })}
              </Badge>
            </Group>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
