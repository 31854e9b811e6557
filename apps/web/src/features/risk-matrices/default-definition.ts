import type { MatrixDefinition } from './use-risk-matrices';

const COLOURS = ['#2e7d32', '#9ccc65', '#f9a825', '#ef6c00', '#c62828', '#6a1b9a'];

/**
 * A starting n×n matrix: n levels, the level of a cell rising with probability + impact. Names are numbered in
 * the reader's language (`label(kind, k)`); the user renames them on the matrix page.
 */
export function startingDefinition(
  n: number,
  label: (kind: 'probability' | 'impact' | 'level', k: number) => string,
): MatrixDefinition {
  const levels = Math.min(Math.max(n, 2), 4);
  const point = (kind: 'probability' | 'impact', prefix: string) =>
    Array.from({ length: n }, (_, k) => ({ abbreviation: `${prefix}${k + 1}`, name: label(kind, k + 1) }));
  return {
    probability: point('probability', 'P'),
    impact: point('impact', 'I'),
    risk: Array.from({ length: levels }, (_, k) => ({
      abbreviation: `L${k + 1}`,
      name: label('level', k + 1),
      color: COLOURS[Math.round((k * (COLOURS.length - 2)) / Math.max(levels - 1, 1))] ?? '#c62828',
    })),
    grid: Array.from({ length: n }, (_, p) =>
      Array.from({ length: n }, (_, i) => Math.min(levels - 1, Math.floor(((p + i) * levels) / (2 * n - 1)))),
    ),
  };
}

/** Black or white text, whichever reads better on the level's colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
