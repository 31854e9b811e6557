import type { evidenceStatuses } from './tables.js';

export type EvidenceStatus = (typeof evidenceStatuses)[number];

/**
 * The evidence lifecycle. `missing` (no content yet) and `draft` are worked on; `in_review` waits for a decision;
 * `approved`/`rejected` are decisions; `expired` is set only by the expiry sweep when `validUntil` passes.
 * Who may move where:
 * - to `approved` or `rejected`: evidence:approve (a decision);
 * - to `in_review`: evidence:update (the author submits) or evidence:review (a reviewer picks it up);
 * - back to `draft` or `missing`: evidence:update (re-opening approved or rejected evidence is an edit).
 *
 * New content (a revision) moves evidence by `reopenedByNewContent`, whatever the caller's role: a decision
 * covers the content that was reviewed, so approved or rejected evidence whose content changes is a draft again
 * and must be submitted anew. Adding content also bumps the version, so a reviewer deciding on the version they
 * looked at, before the upload, gets a 409 instead of approving content they have not seen.
 */
const transitions: Record<EvidenceStatus, EvidenceStatus[]> = {
  missing: ['draft', 'in_review'],
  draft: ['missing', 'in_review'],
  in_review: ['approved', 'rejected', 'draft'],
  approved: ['draft', 'in_review'],
  rejected: ['draft', 'in_review'],
  expired: ['draft', 'in_review'],
};

/**
 * Statuses a new revision sends back to `draft`: nothing to review yet (missing) or a decision now outdated
 * (approved, rejected). `in_review` stays (the reviewer decides on the newer content; the version bump makes them
 * reload it first), `draft` stays, and `expired` stays until its validity date moves (the sweep would expire it
 * again otherwise).
 */
export const reopenedByNewContent: EvidenceStatus[] = ['missing', 'approved', 'rejected'];

export interface StatusPermissions {
  update: boolean;
  review: boolean;
  approve: boolean;
}

function permitted(to: EvidenceStatus, can: StatusPermissions): boolean {
  if (to === 'approved' || to === 'rejected') return can.approve;
  if (to === 'in_review') return can.update || can.review;
  if (to === 'expired') return false;
  return can.update;
}

/** The statuses the caller may move evidence in `from` to. */
export const allowedTransitions = (from: EvidenceStatus, can: StatusPermissions): EvidenceStatus[] =>
  transitions[from].filter((to) => permitted(to, can));

/** Why a change is refused: 'transition' (not a step of the lifecycle) or 'permission'; null when allowed. */
export function statusChangeProblem(
  from: EvidenceStatus,
  to: EvidenceStatus,
  can: StatusPermissions,
): 'transition' | 'permission' | null {
  if (!transitions[from].includes(to)) return 'transition';
  return permitted(to, can) ? null : 'permission';
}
