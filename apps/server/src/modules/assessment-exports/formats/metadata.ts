import type { AssessmentHeader } from '../load.js';
import type { ScoringSummary } from '../summary.js';

/** The facts every export states about the assessment, as label/value pairs, in one order. */
export function metadataEntries(
  header: AssessmentHeader,
  summary: ScoringSummary,
  exportedAt: Date,
): [string, string | number | null][] {
  return [
    ['Assessment', header.name],
    ['Assessment ID', header.id],
    ['Reference', header.refId],
    ['Organisation', header.organizationName],
    ['Framework', header.framework.name],
    ['Framework URN', header.framework.urn],
    ['Framework version', header.framework.frameworkVersion],
    ['Status', header.status],
    ['Locked', header.lockedAt ? header.lockedAt.toISOString() : 'no'],
    ['Implementation groups', header.implementationGroups.join(', ') || 'all'],
    ['Scoring method', header.scoringMethod],
    ['Exported at', exportedAt.toISOString()],
    ['Requirements in scope', summary.requirements],
    ['Assessed', summary.assessed],
    ['Compliant', summary.byResult.compliant],
    ['Partially compliant', summary.byResult.partially_compliant],
    ['Non-compliant', summary.byResult.non_compliant],
    ['Not applicable', summary.byResult.not_applicable],
    ['Not assessed', summary.byResult.not_assessed],
    ['Compliance (% of applicable)', summary.compliancePercent],
    ['Average score', summary.averageScore],
  ];
}
