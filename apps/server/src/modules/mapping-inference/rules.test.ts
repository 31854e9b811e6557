import { describe, expect, it } from 'vitest';
import { mappingRelationships } from '../frameworks/tables.js';
import { carry, combine, compose, invert } from './rules.js';

describe('carry: one source result through one relationship', () => {
  it.each([
    ['equal', 'compliant', 'compliant'],
    ['equal', 'partially_compliant', 'partially_compliant'],
    ['equal', 'non_compliant', 'non_compliant'],
    ['equal', 'not_applicable', 'not_applicable'],
    ['superset', 'compliant', 'compliant'],
    ['superset', 'partially_compliant', 'partially_compliant'],
    ['superset', 'non_compliant', null],
    ['superset', 'not_applicable', null],
    ['subset', 'compliant', 'partially_compliant'],
    ['subset', 'partially_compliant', 'partially_compliant'],
    ['subset', 'non_compliant', 'non_compliant'],
    ['subset', 'not_applicable', null],
    ['intersect', 'compliant', 'partially_compliant'],
    ['intersect', 'partially_compliant', null],
    ['intersect', 'non_compliant', null],
    ['intersect', 'not_applicable', null],
  ] as const)('%s with a %s source gives %s', (relationship, source, expected) => {
    expect(carry(relationship, source)).toBe(expected);
  });

  it('carries nothing from a not_assessed source or through not_related', () => {
    for (const relationship of mappingRelationships) expect(carry(relationship, 'not_assessed')).toBeNull();
    for (const result of ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'] as const) {
      expect(carry('not_related', result)).toBeNull();
    }
  });

  it('never claims compliant except through equal or superset', () => {
    for (const relationship of ['subset', 'intersect', 'not_related'] as const) {
      for (const result of ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'] as const) {
        expect(carry(relationship, result)).not.toBe('compliant');
      }
    }
  });
});

describe('invert: reading a set backwards', () => {
  it('swaps subset and superset and keeps the symmetric relationships', () => {
    expect(invert('subset')).toBe('superset');
    expect(invert('superset')).toBe('subset');
    expect(invert('equal')).toBe('equal');
    expect(invert('intersect')).toBe('intersect');
    expect(invert('not_related')).toBe('not_related');
  });
});

describe('compose: two hops', () => {
  it.each([
    ['equal', 'subset', 'subset'],
    ['superset', 'equal', 'superset'],
    ['subset', 'subset', 'subset'],
    ['superset', 'superset', 'superset'],
    ['superset', 'subset', 'intersect'],
    ['superset', 'intersect', 'intersect'],
    ['intersect', 'subset', 'intersect'],
    ['intersect', 'equal', 'intersect'],
    ['subset', 'superset', null],
    ['subset', 'intersect', null],
    ['intersect', 'superset', null],
    ['intersect', 'intersect', null],
    ['equal', 'not_related', null],
    ['not_related', 'equal', null],
  ] as const)('%s then %s is %s', (first, second, expected) => {
    expect(compose(first, second)).toBe(expected);
  });

  it('never carries more than the first hop alone (a weaker hop only weakens)', () => {
    const results = ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'] as const;
    const rank = { null: 0, non_compliant: 1, not_applicable: 1, partially_compliant: 2, compliant: 3 } as const;
    for (const first of mappingRelationships) {
      for (const second of mappingRelationships) {
        const composed = compose(first, second);
        for (const result of results) {
          const alone = carry(first, result);
          const chained = composed ? carry(composed, result) : null;
          if (chained === null) continue;
          expect(alone, `${first}∘${second} ${result}`).not.toBeNull();
          expect(rank[chained]).toBeLessThanOrEqual(rank[alone ?? 'null']);
        }
      }
    }
  });
});

describe('combine: several sources for one target', () => {
  it('takes the weakest determined result and says which source decided', () => {
    expect(combine(['compliant', 'partially_compliant', 'compliant'])).toEqual({
      result: 'partially_compliant',
      decidingIndex: 1,
    });
    expect(combine(['compliant', null, 'non_compliant'])).toEqual({ result: 'non_compliant', decidingIndex: 2 });
  });

  it('lets assessed results win over not_applicable', () => {
    expect(combine(['not_applicable', 'compliant'])).toEqual({ result: 'compliant', decidingIndex: 1 });
  });

  it('is not_applicable only when every source says so', () => {
    expect(combine(['not_applicable', 'not_applicable'])).toEqual({ result: 'not_applicable', decidingIndex: 0 });
    expect(combine(['not_applicable', null]).result).toBeNull();
  });

  it('determines nothing from nothing', () => {
    expect(combine([])).toEqual({ result: null, decidingIndex: null });
    expect(combine([null, null]).result).toBeNull();
  });
});
