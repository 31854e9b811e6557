import { describe, expect, it } from 'vitest';
import { builtinMatrices } from './builtin-matrices.js';
import {
  exceedsTolerance,
  fitsScale,
  type MatrixDefinition,
  matrixDefinitionSchema,
  NOT_RATED,
  riskLevelOf,
  sameDefinition,
} from './definition.js';

/** A 6×6 with six levels where the level is min(p, i): every cell says which rule produced it. */
const custom6x6: MatrixDefinition = {
  probability: Array.from({ length: 6 }, (_, k) => ({ abbreviation: `P${k}`, name: `Probability ${k}` })),
  impact: Array.from({ length: 6 }, (_, k) => ({ abbreviation: `I${k}`, name: `Impact ${k}` })),
  risk: Array.from({ length: 6 }, (_, k) => ({ abbreviation: `L${k}`, name: `Level ${k}`, color: '#00ff00' })),
  grid: Array.from({ length: 6 }, (_, p) => Array.from({ length: 6 }, (_, i) => Math.min(p, i))),
};

/** Expected grids of the built-ins, written out again so a careless edit of the shipped data fails here. */
const expectedGrids: Record<string, number[][]> = {
  'urn:rampart:risk:matrix:3x3': [
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ],
  'urn:rampart:risk:matrix:4x4': [
    [0, 0, 1, 1],
    [0, 1, 1, 2],
    [1, 1, 2, 3],
    [1, 2, 3, 3],
  ],
  'urn:rampart:risk:matrix:5x5': [
    [0, 0, 0, 1, 1],
    [0, 0, 1, 1, 2],
    [0, 1, 1, 2, 2],
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3, 3],
  ],
};

describe('built-in matrices', () => {
  for (const matrix of builtinMatrices) {
    describe(matrix.urn, () => {
      it('is a valid definition, square, with levels that rise from green to red', () => {
        const def = matrixDefinitionSchema.parse(matrix.definition);
        expect(def.probability.length).toBe(def.impact.length);
        expect(def.risk[0]?.color).toBe('#2e7d32');
        expect(def.risk[def.risk.length - 1]?.color).toBe('#c62828');
      });

      it('gives the expected level in every cell, never lower when probability or impact rises', () => {
        const expected = expectedGrids[matrix.urn];
        if (!expected) throw new Error(`no expected grid for ${matrix.urn}`);
        const def = matrix.definition;
        for (let p = 0; p < def.probability.length; p++) {
          for (let i = 0; i < def.impact.length; i++) {
            const level = riskLevelOf(def, p, i);
            expect(level, `cell (${p}, ${i})`).toBe(expected[p]?.[i]);
            if (p > 0) expect(level).toBeGreaterThanOrEqual(riskLevelOf(def, p - 1, i));
            if (i > 0) expect(level).toBeGreaterThanOrEqual(riskLevelOf(def, p, i - 1));
          }
        }
        // Every level is reachable, and the corners are the lowest and highest.
        expect(new Set(def.grid.flat()).size).toBe(def.risk.length);
        const n = def.probability.length - 1;
        expect(riskLevelOf(def, 0, 0)).toBe(0);
        expect(riskLevelOf(def, n, n)).toBe(def.risk.length - 1);
      });

      it('is not rated unless both probability and impact are, and off-scale ratings are not rated', () => {
        const def = matrix.definition;
        expect(riskLevelOf(def, NOT_RATED, 0)).toBe(NOT_RATED);
        expect(riskLevelOf(def, 0, NOT_RATED)).toBe(NOT_RATED);
        expect(riskLevelOf(def, def.probability.length, 0)).toBe(NOT_RATED);
        expect(riskLevelOf(def, 0, def.impact.length)).toBe(NOT_RATED);
      });
    });
  }
});

describe('a custom 6×6 matrix', () => {
  it('is accepted and maps each of the 36 cells to its level', () => {
    expect(matrixDefinitionSchema.safeParse(custom6x6).success).toBe(true);
    for (let p = 0; p < 6; p++) {
      for (let i = 0; i < 6; i++) expect(riskLevelOf(custom6x6, p, i), `cell (${p}, ${i})`).toBe(Math.min(p, i));
    }
  });

  it('checks ratings against its scales', () => {
    expect(fitsScale(custom6x6.probability, 5)).toBe(true);
    expect(fitsScale(custom6x6.probability, 6)).toBe(false);
    expect(fitsScale(custom6x6.impact, NOT_RATED)).toBe(true);
    expect(fitsScale(custom6x6.impact, -2)).toBe(false);
    expect(fitsScale(custom6x6.impact, 1.5)).toBe(false);
  });
});

describe('matrixDefinitionSchema', () => {
  const paths = (value: unknown) => {
    const result = matrixDefinitionSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('names the grid cell holding an unknown level', () => {
    const grid = custom6x6.grid.map((row) => [...row]);
    (grid[1] as number[])[2] = 7;
    expect(paths({ ...custom6x6, grid })).toEqual(['grid.1.2']);
  });

  it('refuses a missing row, a short row, sizes outside 2–6 and a bad colour', () => {
    expect(paths({ ...custom6x6, grid: custom6x6.grid.slice(0, 5) })).toEqual(['grid']);
    expect(paths({ ...custom6x6, grid: custom6x6.grid.map((r, p) => (p === 3 ? r.slice(0, 4) : r)) })).toEqual([
      'grid.3',
    ]);
    const oneByOne = { ...custom6x6, probability: custom6x6.probability.slice(0, 1) };
    expect(paths(oneByOne)).toContain('probability');
    const seven = { ...custom6x6, impact: [...custom6x6.impact, { abbreviation: 'I6', name: 'Impact 6' }] };
    expect(paths(seven)).toContain('impact');
    const colour = { ...custom6x6, risk: custom6x6.risk.map((r, k) => (k === 2 ? { ...r, color: 'red' } : r)) };
    expect(paths(colour)).toEqual(['risk.2.color']);
    expect(paths({ ...custom6x6, extra: true })).toEqual(['']);
  });

  it('accepts the smallest matrix, 2×2', () => {
    const small = {
      probability: custom6x6.probability.slice(0, 2),
      impact: custom6x6.impact.slice(0, 2),
      risk: custom6x6.risk.slice(0, 2),
      grid: [
        [0, 0],
        [0, 1],
      ],
    };
    expect(paths(small)).toEqual([]);
  });
});

describe('exceedsTolerance', () => {
  it('flags only levels above the tolerance, never unrated ones or without a tolerance', () => {
    expect(exceedsTolerance(3, 2)).toBe(true);
    expect(exceedsTolerance(2, 2)).toBe(false);
    expect(exceedsTolerance(0, 0)).toBe(false);
    expect(exceedsTolerance(1, 0)).toBe(true);
    expect(exceedsTolerance(NOT_RATED, 0)).toBe(false);
    expect(exceedsTolerance(5, null)).toBe(false);
    expect(exceedsTolerance(5, undefined)).toBe(false);
  });

  it('on the 5×5, a tolerance of Medium flags exactly the High and Very high cells', () => {
    const def = builtinMatrices.find((m) => m.urn === 'urn:rampart:risk:matrix:5x5')?.definition;
    if (!def) throw new Error('5×5 missing');
    let flagged = 0;
    for (let p = 0; p < 5; p++) {
      for (let i = 0; i < 5; i++) {
        const level = riskLevelOf(def, p, i);
        expect(exceedsTolerance(level, 1)).toBe(level >= 2);
        if (exceedsTolerance(level, 1)) flagged += 1;
      }
    }
    expect(flagged).toBe(10);
  });
});

describe('sameDefinition', () => {
  it('ignores key order, an absent description and colour case; sees any real change', () => {
    const a = custom6x6;
    const reordered = JSON.parse(
      JSON.stringify({ grid: a.grid, risk: a.risk, impact: a.impact, probability: a.probability }),
    );
    reordered.probability[0].description = null;
    reordered.risk[0].color = '#00FF00';
    expect(sameDefinition(a, reordered)).toBe(true);
    const changed = JSON.parse(JSON.stringify(a));
    changed.grid[5][5] = 4;
    expect(sameDefinition(a, changed)).toBe(false);
  });
});
