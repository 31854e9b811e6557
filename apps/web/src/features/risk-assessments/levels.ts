import type { MatrixDefinition } from './use-risk-assessments';

/** The same grid lookup as the server (risk-matrices/definition.ts), for immediate feedback while editing. */
export function levelOf(def: MatrixDefinition | undefined, probability: number, impact: number): number {
  if (!def || probability < 0 || impact < 0) return -1;
  return def.grid[probability]?.[impact] ?? -1;
}

/** Flagged on the client's view of one rating: above the tolerance (acceptances are the server's to weigh). */
export const aboveTolerance = (level: number, tolerance: number | null | undefined) =>
  tolerance != null && level >= 0 && level > tolerance;

/** Black or white text, whichever contrasts more with a `#rrggbb` background (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** Default re-rating map: the same relative position on the new scale (mirrors the server's proposal). */
export function proportionalMap(oldSize: number, newSize: number): number[] {
  if (oldSize <= 1) return Array.from({ length: oldSize }, () => 0);
  return Array.from({ length: oldSize }, (_, i) => Math.round((i * (newSize - 1)) / (oldSize - 1)));
}
