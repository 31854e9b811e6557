import { describe, expect, it } from 'vitest';
import type { MatrixDefinition } from '../risk-matrices/definition.js';
import { tally, utcDate } from './heat-map.js';

const point = (name: string) => ({ abbreviation: name.slice(0, 1), name });
const def: MatrixDefinition = {
  probability: [point('Low'), point('High')],
  impact: [point('Minor'), point('Major'), point('Severe')],
  risk: [
    { ...point('Low'), color: '#00ff00' },
    { ...point('High'), color: '#ff0000' },
  ],
  grid: [
    [0, 0, 1],
    [0, 1, 1],
  ],
};

describe('tally', () => {
  it('lays counts on the grid, keeps unrated and off-scale ratings apart, counts levels and flags', () => {
    const result = tally(def, [
      { probability: 1, impact: 2, level: 1, count: 3, flagged: 2 },
      { probability: 0, impact: 0, level: 0, count: 1, flagged: 0 },
      { probability: -1, impact: -1, level: -1, count: 4, flagged: 0 },
      { probability: 1, impact: -1, level: -1, count: 1, flagged: 0 },
      { probability: 5, impact: 0, level: 7, count: 2, flagged: 0 },
    ]);
    expect(result.grid).toEqual([
      [1, 0, 0],
      [0, 0, 3],
    ]);
    expect(result.unrated).toBe(7);
    expect(result.byLevel).toEqual([1, 3]);
    expect(result.flagged).toBe(2);
  });

  it('gives an empty grid of the matrix’s shape when there is nothing', () => {
    expect(tally(def, [])).toEqual({
      grid: [
        [0, 0, 0],
        [0, 0, 0],
      ],
      unrated: 0,
      byLevel: [0, 0],
      flagged: 0,
    });
  });

  it('takes today in UTC', () => {
    expect(utcDate(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
