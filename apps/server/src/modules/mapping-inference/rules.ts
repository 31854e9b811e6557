import type { RequirementResult } from '../assessments/index.js';
import type { mappingRelationships } from '../frameworks/index.js';

/**
 * The inference rules, one relationship at a time. A mapping rule reads "source <relationship> target" (NIST
 * OLIR): `subset` means the source requirement covers a part of the target, `superset` that it covers at least
 * the whole target. Inference only claims what the relationship supports:
 *
 * - `compliant` needs the source to cover the whole target: equal or superset.
 * - `non_compliant` needs the source's failure to land inside the target: equal or subset.
 * - `partially_compliant` is what remains when the source shows part of the target met (subset or intersect
 *   with a compliant source, or a partially compliant source through equal, subset or superset). Through a
 *   superset the source's shortfall may or may not touch the target: neither compliant nor non-compliant can be
 *   claimed, and "partially" sends a person to look.
 * - `not_applicable` only crosses `equal`: applicability depends on scope, and only equal scopes coincide.
 * - A source that is `not_assessed` carries nothing; `not_related` carries nothing.
 *
 * `null` means "not determined": the target keeps whatever it has (not_assessed on creation).
 */
export type Relationship = (typeof mappingRelationships)[number];
export type CarriedResult = Exclude<RequirementResult, 'not_assessed'>;

const carryTable: Record<Relationship, Partial<Record<RequirementResult, CarriedResult>>> = {
  equal: {
    compliant: 'compliant',
    partially_compliant: 'partially_compliant',
    non_compliant: 'non_compliant',
    not_applicable: 'not_applicable',
  },
  // The source covers at least the target: full compliance carries; a source failure may lie outside the target.
  superset: { compliant: 'compliant', partially_compliant: 'partially_compliant' },
  // The source is a part of the target: meeting it meets only part of the target; failing it fails the target.
  subset: {
    compliant: 'partially_compliant',
    partially_compliant: 'partially_compliant',
    non_compliant: 'non_compliant',
  },
  // Only the overlap is known: a compliant source shows the overlap met; anything less says nothing about it.
  intersect: { compliant: 'partially_compliant' },
  not_related: {},
};

/** The result a target gets from one source result through one (possibly composed) relationship. */
export function carry(relationship: Relationship, sourceResult: RequirementResult): CarriedResult | null {
  return carryTable[relationship][sourceResult] ?? null;
}

/** Reading a set backwards (target → source) swaps subset and superset; the others are symmetric. */
export function invert(relationship: Relationship): Relationship {
  if (relationship === 'subset') return 'superset';
  if (relationship === 'superset') return 'subset';
  return relationship;
}

/**
 * The relationship between A and C given "A r1 B" and "B r2 C", or null when set logic cannot tell (then the
 * chain carries nothing). Sound cases only: A ⊂ B ⊂ C gives A ⊂ C; A ⊃ B ⊂ C gives an overlap (both contain
 * B); A ⊂ B ⊃ C says nothing (A and C may be disjoint halves of B). This is how "a weaker hop weakens the
 * result": compliant through intersect then equal is intersect, hence partially compliant.
 */
export function compose(r1: Relationship, r2: Relationship): Relationship | null {
  if (r1 === 'not_related' || r2 === 'not_related') return null;
  if (r1 === 'equal') return r2;
  if (r2 === 'equal') return r1;
  if (r1 === r2 && r1 !== 'intersect') return r1;
  if (r1 === 'superset' && r2 === 'subset') return 'intersect';
  if (r1 === 'superset' && r2 === 'intersect') return 'intersect';
  if (r1 === 'intersect' && r2 === 'subset') return 'intersect';
  return null;
}

/** Weakest first: several sources for one target are combined conservatively, the weakest determined wins. */
const strength: Record<'compliant' | 'partially_compliant' | 'non_compliant', number> = {
  non_compliant: 0,
  partially_compliant: 1,
  compliant: 2,
};

export interface Combined {
  result: CarriedResult | null;
  /** Which contribution decided (its index), or null when nothing was determined. */
  decidingIndex: number | null;
}

/**
 * Combines what each source carries to one target. Compliance results (compliant / partially / non-compliant)
 * win over not_applicable: a source that assessed the requirement says more than one that set it aside. The
 * target is not_applicable only when every assessed source says so through equal; a mix of not_applicable and
 * undetermined sources leaves the target undetermined.
 */
export function combine(carried: (CarriedResult | null)[]): Combined {
  let best: Combined = { result: null, decidingIndex: null };
  carried.forEach((result, index) => {
    if (result === null || result === 'not_applicable') return;
    if (best.result === null || best.result === 'not_applicable' || strength[result] < strength[best.result]) {
      best = { result, decidingIndex: index };
    }
  });
  if (best.result !== null) return best;
  if (carried.length > 0 && carried.every((r) => r === 'not_applicable')) {
    return { result: 'not_applicable', decidingIndex: 0 };
  }
  return best;
}

/** A stable, readable name of the rule that decided, stored in the trace (e.g. "subset:compliant→partially_compliant"). */
export function ruleName(relationship: Relationship, sourceResult: RequirementResult, outcome: CarriedResult): string {
  return `${relationship}:${sourceResult}→${outcome}`;
}
