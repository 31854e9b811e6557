import type { findingSeverities, findingStatuses } from './tables.js';

export type Severity = (typeof findingSeverities)[number];
export type FindingStatus = (typeof findingStatuses)[number];

/** Days to fix a finding per severity; null: no due date for that severity. */
export type SlaDays = Record<Severity, number | null>;

/** What an organisation gets until it saves its own SLAs. */
export const DEFAULT_SLA: SlaDays = { critical: 7, high: 30, medium: 90, low: 180, info: null };

export const MIN_SLA_DAYS = 1;
export const MAX_SLA_DAYS = 3650;

/** Severity as a number (info 0 … critical 4), so sorting never depends on the words. */
export const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Statuses where the work is over: nothing is overdue there. `mitigated` is fixed but not yet closed. */
export const doneStatuses: readonly FindingStatus[] = ['mitigated', 'closed', 'dismissed'];
/** Statuses that carry a `closedAt`: the finding is settled (fixed and verified, or not a problem). */
export const closingStatuses: readonly FindingStatus[] = ['closed', 'dismissed'];

export const isOpen = (status: FindingStatus) => !doneStatuses.includes(status);

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** `YYYY-MM-DD` plus whole days, in UTC (no daylight-saving drift). */
export function addDays(isoDate: string, days: number): string {
  const base = new Date(`${isoDate}T00:00:00Z`);
  base.setUTCDate(base.getUTCDate() + days);
  return dateOf(base);
}

/** The due date the SLA gives a finding identified at `identifiedAt` with `severity`; null without an SLA. */
export function slaDueDate(identifiedAt: Date, severity: Severity, sla: SlaDays): string | null {
  const days = sla[severity];
  return days === null ? null : addDays(dateOf(identifiedAt), days);
}

interface DueDateInputs {
  identifiedAt: Date;
  severity: Severity;
  dueDate: string | null;
}

/**
 * The due date after an edit. A due date given in the edit wins (null included: "no due date" is a choice). Else,
 * when severity or identification date changes and the stored due date is the one the SLA gave the old values
 * (it was computed, not set by hand), it is computed again for the new values. A hand-set date stays.
 */
export function dueDateAfterEdit(
  before: DueDateInputs,
  after: Omit<DueDateInputs, 'dueDate'> & { dueDate?: string | null },
  sla: SlaDays,
): string | null {
  if (after.dueDate !== undefined) return after.dueDate;
  const changed = after.severity !== before.severity || after.identifiedAt.getTime() !== before.identifiedAt.getTime();
  if (!changed) return before.dueDate;
  const computed = before.dueDate === slaDueDate(before.identifiedAt, before.severity, sla);
  return computed ? slaDueDate(after.identifiedAt, after.severity, sla) : before.dueDate;
}

/** Overdue: past its due date (strictly before today) while still open. */
export const isOverdue = (dueDate: string | null, status: FindingStatus, today: string) =>
  dueDate !== null && dueDate < today && isOpen(status);

/**
 * `closedAt` after a status change: stamped when the finding enters closed or dismissed, kept while it moves
 * between those two, cleared when it is reopened (any other status, mitigated included).
 */
export function closedAtAfter(
  before: { status: FindingStatus; closedAt: Date | null },
  status: FindingStatus,
  now: Date,
): Date | null {
  if (!closingStatuses.includes(status)) return null;
  return closingStatuses.includes(before.status) && before.closedAt ? before.closedAt : now;
}
