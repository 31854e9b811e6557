import type { RequirementResult, scoringMethods } from './tables.js';
import { requirementResults } from './tables.js';

export type ScoringMethod = (typeof scoringMethods)[number];

/** One requirement assessment as scoring sees it; `sectionId` is its top-level node (itself at depth 0). */
export interface ScoredRow {
  sectionId: string | null;
  result: RequirementResult;
  score: number | null;
  isScored: boolean;
}

export type ResultCounts = Record<RequirementResult, number>;

export interface Breakdown {
  total: number;
  assessed: number;
  /** 0–100, one decimal. */
  progress: number;
  score: number | null;
  results: ResultCounts;
}

export const emptyCounts = (): ResultCounts =>
  Object.fromEntries(requirementResults.map((r) => [r, 0])) as ResultCounts;

/**
 * A score counts when the assessor marked it as scored, gave one, and the requirement applies: a not-applicable
 * requirement neither raises nor lowers the score, whatever number is left on it.
 */
export const countsTowardScore = (row: ScoredRow): row is ScoredRow & { score: number } =>
  row.isScored && row.score !== null && row.result !== 'not_applicable';

/** Progress counts results, not workflow status: a requirement is assessed once it has a result. */
export const isAssessed = (row: Pick<ScoredRow, 'result'>) => row.result !== 'not_assessed';

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

const round2 = (value: number) => Math.round(value * 100) / 100;

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The assessment's score by its method:
 * - `average`: the mean of every counted score;
 * - `sum`: their total;
 * - `average_of_averages`: the mean per top-level section, then the mean of those sections' means, so a section
 *   with many requirements weighs as much as a small one. Sections without any counted score are left out.
 * Null when nothing counts.
 */
export function computeScore(rows: readonly ScoredRow[], method: ScoringMethod): number | null {
  const counted = rows.filter(countsTowardScore);
  if (counted.length === 0) return null;
  if (method === 'sum') return counted.reduce((sum, row) => sum + row.score, 0);
  if (method === 'average') return round2(mean(counted.map((row) => row.score)) ?? 0);
  const bySection = new Map<string | null, number[]>();
  for (const row of counted) {
    const scores = bySection.get(row.sectionId) ?? [];
    scores.push(row.score);
    bySection.set(row.sectionId, scores);
  }
  const sectionMeans = [...bySection.values()].map((scores) => mean(scores) ?? 0);
  return round2(mean(sectionMeans) ?? 0);
}

/** Totals, progress, score and result counts of a set of rows (the whole assessment or one section). */
export function breakdown(rows: readonly ScoredRow[], method: ScoringMethod): Breakdown {
  const results = emptyCounts();
  for (const row of rows) results[row.result] += 1;
  const assessed = rows.length - results.not_assessed;
  return {
    total: rows.length,
    assessed,
    progress: percent(assessed, rows.length),
    score: computeScore(rows, method),
    results,
  };
}

/**
 * The breakdown overall and per top-level section, sections in the order given. Inside a section the
 * average_of_averages method degenerates to a plain average.
 */
export function summarize(
  rows: readonly ScoredRow[],
  method: ScoringMethod,
  sections: readonly { id: string }[],
): { overall: Breakdown; sections: Map<string | null, Breakdown> } {
  const grouped = new Map<string | null, ScoredRow[]>(sections.map((s) => [s.id, []]));
  for (const row of rows) {
    const list = grouped.get(row.sectionId) ?? [];
    list.push(row);
    grouped.set(row.sectionId, list);
  }
  const sectionMethod = method === 'average_of_averages' ? 'average' : method;
  return {
    overall: breakdown(rows, method),
    sections: new Map([...grouped].map(([id, list]) => [id, breakdown(list, sectionMethod)])),
  };
}

/**
 * Top-level section of every node of a tree given in depth-first order: the nearest depth-0 ancestor (or
 * itself; null only for a tree that does not start at depth 0). One pass, no recursion, whatever the framework's size.
 */
export function sectionsOf(nodes: readonly { id: string; depth: number }[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  let current: string | null = null;
  for (const node of nodes) {
    if (node.depth === 0) current = node.id;
    result.set(node.id, current);
  }
  return result;
}
