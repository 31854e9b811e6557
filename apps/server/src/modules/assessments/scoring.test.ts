import { describe, expect, it } from 'vitest';
import { classifyChange, compareResults } from './compare.js';
import { breakdown, computeScore, type ScoredRow, sectionsOf, summarize } from './scoring.js';

const row = (sectionId: string, result: ScoredRow['result'], score: number | null, isScored = true): ScoredRow => ({
  sectionId,
  result,
  score,
  isScored,
});

describe('scoring', () => {
  const rows = [
    row('A', 'compliant', 4),
    row('A', 'compliant', 2),
    row('A', 'partially_compliant', 3),
    row('B', 'non_compliant', 0),
    row('B', 'not_applicable', 5), // not applicable: its score never counts
    row('B', 'compliant', 5, false), // not scored
    row('B', 'not_assessed', null),
  ];

  it('averages, sums and averages section averages over scored, applicable rows only', () => {
    expect(computeScore(rows, 'average')).toBe(2.25); // (4+2+3+0)/4
    expect(computeScore(rows, 'sum')).toBe(9);
    expect(computeScore(rows, 'average_of_averages')).toBe(1.5); // A: 3, B: 0 → 1.5
  });

  it('has no score when nothing counts', () => {
    expect(computeScore([row('A', 'not_applicable', 3), row('A', 'compliant', 2, false)], 'average')).toBeNull();
    expect(computeScore([], 'sum')).toBeNull();
  });

  it('counts results and progress (any result but not_assessed counts as assessed)', () => {
    const b = breakdown(rows, 'average');
    expect(b.total).toBe(7);
    expect(b.assessed).toBe(6);
    expect(b.progress).toBe(85.7);
    expect(b.results).toEqual({
      not_assessed: 1,
      compliant: 3,
      partially_compliant: 1,
      non_compliant: 1,
      not_applicable: 1,
    });
    expect(breakdown([], 'average').progress).toBe(0);
  });

  it('breaks down per section, keeping empty sections', () => {
    const { overall, sections } = summarize(rows, 'average_of_averages', [{ id: 'A' }, { id: 'B' }, { id: 'C' }]);
    expect(overall.score).toBe(1.5);
    expect(sections.get('A')).toMatchObject({ total: 3, score: 3, progress: 100 });
    expect(sections.get('B')).toMatchObject({ total: 4, score: 0, assessed: 3 });
    expect(sections.get('C')).toMatchObject({ total: 0, score: null, progress: 0 });
  });

  it('finds each node’s top-level section in one depth-first pass', () => {
    const map = sectionsOf([
      { id: 's1', depth: 0 },
      { id: 'a', depth: 1 },
      { id: 'a1', depth: 2 },
      { id: 's2', depth: 0 },
      { id: 'b', depth: 1 },
    ]);
    expect(Object.fromEntries(map)).toEqual({ s1: 's1', a: 's1', a1: 's1', s2: 's2', b: 's2' });
  });
});

describe('comparison', () => {
  it('orders non_compliant < partially_compliant < compliant and treats the rest explicitly', () => {
    expect(classifyChange('non_compliant', 'compliant')).toBe('improved');
    expect(classifyChange('compliant', 'partially_compliant')).toBe('regressed');
    expect(classifyChange('compliant', 'compliant')).toBe('unchanged');
    expect(classifyChange('not_assessed', 'not_assessed')).toBe('unchanged');
    expect(classifyChange('not_assessed', 'compliant')).toBe('changed');
    expect(classifyChange('compliant', 'not_applicable')).toBe('changed');
    expect(classifyChange('not_applicable', 'non_compliant')).toBe('changed');
    expect(classifyChange(null, 'compliant')).toBe('added');
    expect(classifyChange('compliant', null)).toBe('removed');
  });

  it('matches by URN and counts', () => {
    const r = (urn: string, result: ScoredRow['result']) => ({ urn, refId: urn, name: null, result });
    const { counts, rows } = compareResults(
      [r('a', 'non_compliant'), r('b', 'compliant'), r('gone', 'compliant')],
      [r('a', 'compliant'), r('b', 'compliant'), r('new', 'not_assessed')],
    );
    expect(counts).toEqual({ improved: 1, regressed: 0, changed: 0, unchanged: 1, added: 1, removed: 1 });
    expect(rows.map((x) => [x.urn, x.change])).toEqual([
      ['a', 'improved'],
      ['b', 'unchanged'],
      ['new', 'added'],
      ['gone', 'removed'],
    ]);
  });
});
