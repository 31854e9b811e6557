import type { MatrixDefinition } from '../risk-matrices/index.js';
import type { CellCount } from './heat-map-lookups.js';

export interface Tally {
  grid: number[][];
  unrated: number;
  byLevel: number[];
  flagged: number;
}

/**
 * Lays grouped counts onto the matrix: `grid[probability][impact]`. A rating with either half missing — or off
 * the matrix's scales, which a matrix revision could leave behind until re-rating — is counted as unrated, so the
 * grid plus `unrated` always adds up to the number of scenarios. `byLevel` counts the stored levels (what the
 * register's `level` filter matches), ignoring levels the matrix does not have.
 */
export function tally(def: MatrixDefinition, cells: CellCount[]): Tally {
  const grid = def.probability.map(() => def.impact.map(() => 0));
  const byLevel = def.risk.map(() => 0);
  let unrated = 0;
  let flagged = 0;
  for (const cell of cells) {
    flagged += cell.flagged;
    const row = grid[cell.probability];
    if (cell.probability >= 0 && cell.impact >= 0 && row && cell.impact < row.length) {
      row[cell.impact] = (row[cell.impact] ?? 0) + cell.count;
    } else {
      unrated += cell.count;
    }
    if (cell.level >= 0 && cell.level < byLevel.length) byLevel[cell.level] = (byLevel[cell.level] ?? 0) + cell.count;
  }
  return { grid, unrated, byLevel, flagged };
}

/** `YYYY-MM-DD` of the clock's instant in UTC: the contract's "today". */
export const utcDate = (now: Date) => now.toISOString().slice(0, 10);
