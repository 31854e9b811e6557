import { Box, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { textColorOn } from './contrast';
import type { RatingKind } from './search';
import type { MatrixDefinition } from './use-risk-register';

interface HeatMapGridProps {
  kind: RatingKind;
  riskAssessmentId: string;
  definition: MatrixDefinition;
  counts: number[][];
  tolerance: number | null;
}

/**
 * One heat map: probability rows (highest at the top), impact columns, each cell in its risk level's colour with
 * the number of scenarios. A cell is a button that opens the register filtered on it; cells above the tolerance
 * carry a thick outline so the boundary reads without relying on colour.
 */
export function HeatMapGrid({ kind, riskAssessmentId, definition, counts, tolerance }: HeatMapGridProps) {
  const { t } = useTranslation('riskRegister');
  const navigate = useNavigate();
  const kindLabel = t(`ratingKind.${kind}`);
  const rows = definition.probability.map((point, p) => ({ point, p })).reverse();
  const columns = definition.impact.length;

  return (
    <Box role="group" aria-label={t('heatMap.gridLabel', { kind: kindLabel })}>
      <Text fw={600} mb={4}>
        {kindLabel}
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: `auto repeat(${columns}, minmax(44px, 1fr))`, gap: 3 }}>
        {rows.map(({ point, p }) => (
          <Row key={point.name} label={point.name}>
            {definition.impact.map((impact, i) => {
              const levelIndex = definition.grid[p]?.[i] ?? -1;
              const level = definition.risk[levelIndex];
              const count = counts[p]?.[i] ?? 0;
              const background = level?.color ?? '#e9ecef';
              const above = tolerance !== null && levelIndex > tolerance;
              return (
                <UnstyledButton
                  key={impact.name}
                  aria-label={t('heatMap.cell', {
                    kind: kindLabel,
                    count,
                    probability: point.name,
                    impact: impact.name,
                    level: level?.name ?? t('notRated'),
                  })}
                  title={level?.name}
                  onClick={() =>
                    navigate({
                      to: '/risk-scenarios',
                      search: { riskAssessmentId, ratingKind: kind, probability: p, impact: i },
                    })
                  }
                  style={{
                    background,
                    color: textColorOn(background),
                    minHeight: 40,
                    borderRadius: 4,
                    textAlign: 'center',
                    fontWeight: 700,
                    opacity: count === 0 ? 0.55 : 1,
                    outline: above ? '2px solid #212529' : undefined,
                    outlineOffset: above ? -2 : undefined,
                  }}
                >
                  {count}
                </UnstyledButton>
              );
            })}
          </Row>
        ))}
        <span />
        {definition.impact.map((impact) => (
          <Text key={impact.name} size="xs" ta="center" title={impact.name} lineClamp={2}>
            {impact.abbreviation}
          </Text>
        ))}
      </Box>
      <Text size="xs" c="dimmed" ta="center" mt={2}>
        {t('heatMap.impact')} →
      </Text>
    </Box>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="xs" pr={4} style={{ alignSelf: 'center', textAlign: 'right' }} lineClamp={2} maw={110}>
        {label}
      </Text>
      {children}
    </>
  );
}
