import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { applyRatings, checkRerateMaps, checkTolerance, proportionalMap, rerate, unrated } from './rating.js';
import { squareDefinition } from './testing.js';

const three = squareDefinition(3);
const four = squareDefinition(4);

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};

describe('rating rules', () => {
  it('computes levels from the grid, merging a partial change into the stored ratings', () => {
    const first = applyRatings(three, unrated(), { current: { probability: 2 } });
    expect(first.current).toEqual({ probability: 2, impact: -1, level: -1 });
    const second = applyRatings(three, first, { current: { impact: 2 }, inherent: { probability: 1, impact: 1 } });
    expect(second.current).toEqual({ probability: 2, impact: 2, level: 2 });
    expect(second.inherent).toEqual({ probability: 1, impact: 1, level: 1 });
    expect(second.residual.level).toBe(-1);
    expect(applyRatings(three, second, { current: { impact: -1 } }).current.level).toBe(-1);
  });

  it('refuses an index outside the scale, naming each field', () => {
    expect(
      fieldsOf(() => applyRatings(three, unrated(), { current: { impact: 3 }, residual: { probability: -2 } })),
    ).toEqual(['body.current.impact', 'body.residual.probability']);
  });

  it('checks a tolerance against the risk levels', () => {
    expect(fieldsOf(() => checkTolerance(three, 3, 'body.riskToleranceLevel'))).toEqual(['body.riskToleranceLevel']);
    expect(fieldsOf(() => checkTolerance(three, 2, 'x'))).toEqual([]);
    expect(fieldsOf(() => checkTolerance(three, null, 'x'))).toEqual([]);
  });

  it('re-rates through the maps and refuses maps that miss a point or leave the new scale', () => {
    const before = applyRatings(three, unrated(), {
      current: { probability: 2, impact: 1 },
      inherent: { probability: 0 },
    });
    const maps = { probabilityMap: [0, 2, 3], impactMap: [0, 1, 3] };
    expect(fieldsOf(() => checkRerateMaps(three, four, maps))).toEqual([]);
    const after = rerate(four, before, maps);
    expect(after.current).toEqual({ probability: 3, impact: 1, level: 2 });
    expect(after.inherent).toEqual({ probability: 0, impact: -1, level: -1 });
    expect(fieldsOf(() => checkRerateMaps(three, four, { probabilityMap: [0, 1], impactMap: [0, 1, 4] }))).toEqual([
      'body.probabilityMap',
      'body.impactMap.2',
    ]);
  });

  it('proposes proportional default maps', () => {
    expect(proportionalMap(3, 5)).toEqual([0, 2, 4]);
    expect(proportionalMap(5, 3)).toEqual([0, 1, 1, 2, 2]);
    expect(proportionalMap(4, 4)).toEqual([0, 1, 2, 3]);
  });
});
