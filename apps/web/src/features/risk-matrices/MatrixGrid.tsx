import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOn } from './default-definition';
import type { MatrixDefinition } from './use-risk-matrices';

export interface MatrixGridProps {
  definition: MatrixDefinition;
  /** `counts[probability][impact]`: shown in the cells instead of the level's abbreviation (heat maps). */
  counts?: number[][];
  /** Makes every cell a button. */
  onCellClick?: (probability: number, impact: number) => void;
  /** One cell to outline (e.g. the rating being edited). */
  highlight?: { probability: number; impact: number } | null;
  /** A small preview: no axis titles, tiny cells, nothing focusable. */
  compact?: boolean;
  /** The table's accessible name. */
  caption?: string;
}

/**
 * A risk matrix drawn as a table: probability rows from the highest down, impact columns from the lowest, each
 * cell coloured by its risk level. Self-contained (only the definition), so heat maps and editors share the look.
 */
export function MatrixGrid({ definition, counts, onCellClick, highlight, compact, caption }: MatrixGridProps) {
  const { t } = useTranslation('riskMatrices');
  const rows = definition.probability.map((_, p) => p).reverse();
  const size = compact ? 14 : 64;

  if (compact) {
    return (
      <table aria-hidden style={{ borderCollapse: 'separate', borderSpacing: 2 }} title={caption}>
        <tbody>
          {rows.map((p) => (
            <tr key={p}>
              {definition.impact.map((_, i) => {
                const level = definition.risk[definition.grid[p]?.[i] ?? -1];
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: a scale point or cell is identified by its position
                    key={`${p}-${i}`}
                    style={{
                      width: size,
                      height: size,
                      padding: 0,
                      background: level?.color ?? '#dee2e6',
                      borderRadius: 2,
                    }}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <Table withTableBorder withColumnBorders layout="fixed" style={{ width: 'auto' }}>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" style={{ width: 140 }}>
            <Text size="xs" c="dimmed">
              {t('grid.corner')}
            </Text>
          </Table.Th>
          {definition.impact.map((point, i) => (
            <Table.Th
              // biome-ignore lint/suspicious/noArrayIndexKey: a scale point or cell is identified by its position
              key={`i${i}`}
              scope="col"
              style={{ width: size + 24, textAlign: 'center' }}
            >
              <Text size="xs" fw={600} title={point.description ?? undefined}>
                {point.name}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => {
          const probability = definition.probability[p];
          return (
            <Table.Tr key={`p${p}`}>
              <Table.Th scope="row">
                <Text size="xs" fw={600} title={probability?.description ?? undefined}>
                  {probability?.name}
                </Text>
              </Table.Th>
              {definition.impact.map((impact, i) => {
                const index = definition.grid[p]?.[i] ?? -1;
                const level = definition.risk[index];
                const colour = level?.color ?? '#dee2e6';
                const count = counts?.[p]?.[i];
                const names = { probability: probability?.name ?? '', impact: impact.name, level: level?.name ?? '—' };
                const label = count === undefined ? t('grid.cell', names) : t('grid.cellCount', { ...names, count });
                const highlighted = highlight?.probability === p && highlight?.impact === i;
                const content = (
                  <Text size="sm" fw={700} c={textOn(colour)}>
                    {count === undefined ? level?.abbreviation : count}
                  </Text>
                );
                return (
                  <Table.Td
                    // biome-ignore lint/suspicious/noArrayIndexKey: a scale point or cell is identified by its position
                    key={`c${p}-${i}`}
                    style={{
                      background: colour,
                      height: size,
                      textAlign: 'center',
                      padding: 0,
                      outline: highlighted ? '3px solid #212529' : undefined,
                      outlineOffset: highlighted ? -3 : undefined,
                    }}
                    title={level?.name}
                  >
                    {onCellClick ? (
                      <UnstyledButton
                        aria-label={label}
                        onClick={() => onCellClick(p, i)}
                        style={{ width: '100%', height: size, display: 'block' }}
                      >
                        {content}
                      </UnstyledButton>
                    ) : (
                      <span aria-label={label} role="img" style={{ display: 'block' }}>
                        {content}
                      </span>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
