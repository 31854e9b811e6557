import { type RequirementResult, requirementResults } from '../assessments/index.js';
import type { ExportRow } from './load.js';

export interface ScoringSummary {
  requirements: number;
  assessed: number;
  byResult: Record<RequirementResult, number>;
  /** Compliant share of the applicable requirements, 0–100, or null when none is applicable. */
  compliancePercent: number | null;
  /** Mean of the scored requirements, or null when none is scored. */
  averageScore: number | null;
}

/** What the header of every export states about the assessment as a whole, from its rows. */
export function summarise(rows: ExportRow[]): ScoringSummary {
  const byResult = Object.fromEntries(requirementResults.map((r) => [r, 0])) as Record<RequirementResult, number>;
  let scoreTotal = 0;
  let scored = 0;
  let requirements = 0;
  for (const row of rows) {
    const ra = row.assessment;
    if (!ra) continue;
    requirements++;
    byResult[ra.result as RequirementResult]++;
    if (ra.isScored && ra.score !== null) {
      scoreTotal += ra.score;
      scored++;
    }
  }
  const applicable = requirements - byResult.not_applicable;
  return {
    requirements,
    assessed: requirements - byResult.not_assessed,
    byResult,
    compliancePercent: applicable > 0 ? Math.round((1000 * byResult.compliant) / applicable) / 10 : null,
    averageScore: scored > 0 ? Math.round((100 * scoreTotal) / scored) / 100 : null,
  };
}
