import type { RequirementResult } from '../assessments/index.js';
import type { appliedControlStatuses } from '../controls/index.js';
import type { evidenceStatuses } from '../evidence/index.js';
import type { coverageStates, evidenceValidities } from './contracts.js';

type ControlStatus = (typeof appliedControlStatuses)[number];
type EvidenceStatus = (typeof evidenceStatuses)[number];

/** Evidence counts as "expiring soon" this many days ahead (the default reminder window of evidence too). */
export const EXPIRY_WINDOW_DAYS = 30;

/**
 * A requirement is covered by at least one active control. Controls on their way (to do, in progress, on hold)
 * or degraded ones make it partial: something exists but cannot be relied on today. Deprecated controls count
 * for nothing, so a requirement with only those is a gap.
 */
export function coverageOf(statuses: ControlStatus[]): (typeof coverageStates)[number] {
  if (statuses.includes('active')) return 'covered';
  if (statuses.some((s) => s !== 'deprecated')) return 'partial';
  return 'gap';
}

/** Adds days to an ISO date (YYYY-MM-DD) in UTC. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Evidence is valid when approved and not past its date; expired when past it (or marked expired); expiring when
 * approved-or-pending and due within the window; anything not approved otherwise is not_approved.
 */
export function evidenceValidity(
  status: EvidenceStatus,
  validUntil: string | null,
  today: string,
): (typeof evidenceValidities)[number] {
  if (status === 'expired' || (validUntil !== null && validUntil < today)) return 'expired';
  if (status !== 'approved') return 'not_approved';
  if (validUntil !== null && validUntil <= addDays(today, EXPIRY_WINDOW_DAYS)) return 'expiring';
  return 'valid';
}

export type ResultCounts = Record<RequirementResult, number>;

export const emptyResults = (): ResultCounts => ({
  not_assessed: 0,
  compliant: 0,
  partially_compliant: 0,
  non_compliant: 0,
  not_applicable: 0,
});

/**
 * Compliance: compliant among the requirements that apply and have a result (not_applicable and not_assessed
 * left out, so an assessment half done is not punished for what it has not looked at yet); null before any
 * result. Progress: requirements with any result, not_applicable included (deciding it is work done).
 */
export function percentages(results: ResultCounts) {
  const total = Object.values(results).reduce((a, b) => a + b, 0);
  const assessedApplicable = results.compliant + results.partially_compliant + results.non_compliant;
  return {
    requirementCount: total,
    compliancePercent: assessedApplicable === 0 ? null : Math.round((100 * results.compliant) / assessedApplicable),
    progressPercent: total === 0 ? 0 : Math.round((100 * (total - results.not_assessed)) / total),
  };
}

export function addResults(into: ResultCounts, more: ResultCounts): ResultCounts {
  for (const key of Object.keys(into) as RequirementResult[]) into[key] += more[key];
  return into;
}
