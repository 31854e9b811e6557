import type { RequirementResult } from './tables.js';

export type ComparisonChange = 'improved' | 'regressed' | 'changed' | 'unchanged' | 'added' | 'removed';

/** Ranks of the results that say how compliant a requirement is; the others are not on the scale. */
const rank: Partial<Record<RequirementResult, number>> = {
  non_compliant: 0,
  partially_compliant: 1,
  compliant: 2,
};

/**
 * How a requirement's result moved from `before` to `after`:
 * - both on the scale (non_compliant < partially_compliant < compliant): improved, regressed or unchanged;
 * - equal results (including not_assessed → not_assessed, not_applicable → not_applicable): unchanged;
 * - not_assessed → a result on the scale, or → not_applicable: changed (a first assessment is not an improvement);
 * - anything else involving not_applicable or not_assessed (e.g. compliant → not_applicable): changed;
 * - a requirement only in one of the two (frameworks of different versions): added or removed.
 */
export function classifyChange(before: RequirementResult | null, after: RequirementResult | null): ComparisonChange {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  if (before === after) return 'unchanged';
  const from = rank[before];
  const to = rank[after];
  if (from === undefined || to === undefined) return 'changed';
  return to > from ? 'improved' : 'regressed';
}

export interface ComparedRequirement {
  urn: string;
  refId: string | null;
  name: string | null;
  result: RequirementResult;
}

export interface ComparedRow {
  urn: string;
  refId: string | null;
  name: string | null;
  before: RequirementResult | null;
  after: RequirementResult | null;
  change: ComparisonChange;
}

/**
 * Matches two assessments' requirements by URN (stable across framework versions), keeping the order of
 * `after` and appending those only in `before`.
 */
export function compareResults(before: readonly ComparedRequirement[], after: readonly ComparedRequirement[]) {
  const earlier = new Map(before.map((r) => [r.urn, r]));
  const seen = new Set<string>();
  const rows: ComparedRow[] = after.map((r) => {
    seen.add(r.urn);
    const previous = earlier.get(r.urn)?.result ?? null;
    return {
      urn: r.urn,
      refId: r.refId,
      name: r.name,
      before: previous,
      after: r.result,
      change: classifyChange(previous, r.result),
    };
  });
  for (const r of before) {
    if (!seen.has(r.urn))
      rows.push({ urn: r.urn, refId: r.refId, name: r.name, before: r.result, after: null, change: 'removed' });
  }
  const counts: Record<ComparisonChange, number> = {
    improved: 0,
    regressed: 0,
    changed: 0,
    unchanged: 0,
    added: 0,
    removed: 0,
  };
  for (const row of rows) counts[row.change] += 1;
  return { counts, rows };
}
