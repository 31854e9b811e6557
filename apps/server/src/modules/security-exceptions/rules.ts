import type { FieldError } from '../../platform/errors.js';
import type { securityExceptionStates } from './tables.js';

export type SecurityExceptionState = (typeof securityExceptionStates)[number];

/**
 * The lifecycle of a security exception (docs: docs/risk.md, "Security exceptions"):
 * - draft → in_review: security_exception:update (needs a justification and a future expiry date);
 * - in_review → draft: security_exception:update (withdraw, as an acceptance's submitted → created): without it a
 *   review whose named approver lost security_exception:approve would be stuck, since only a decision leaves
 *   in_review and fields (the approver among them) change only in draft;
 * - in_review → approved | rejected: the named approver only, whatever roles anyone holds, and only while they hold
 *   security_exception:approve in the folder (naming one requires it too); when no approver is named,
 *   security_exception:approve in the folder (someone must be able to decide an unaddressed request);
 * - approved → resolved: security_exception:update or the named owner (the gap is closed);
 * - approved → expired: the expiry task only, never a person (409 for anyone who tries);
 * - rejected → draft: security_exception:update (rework);
 * - expired → in_review: security_exception:update (renewal, with a new future expiry date).
 */
const transitions: Record<SecurityExceptionState, SecurityExceptionState[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'approved', 'rejected'],
  approved: ['resolved'],
  rejected: ['draft'],
  resolved: [],
  expired: ['in_review'],
};

export interface ExceptionActor {
  /** An approver is named on the exception. */
  approverNamed: boolean;
  isApprover: boolean;
  isOwner: boolean;
  canUpdate: boolean;
  canApprove: boolean;
}

function permitted(to: SecurityExceptionState, actor: ExceptionActor): boolean {
  if (to === 'approved' || to === 'rejected') {
    return actor.approverNamed ? actor.isApprover && actor.canApprove : actor.canApprove;
  }
  if (to === 'resolved') return actor.canUpdate || actor.isOwner;
  return actor.canUpdate;
}

/** Why a move is refused: 'transition' (no such step for a person, 409) or 'permission' (403); null when allowed. */
export function transitionProblem(
  from: SecurityExceptionState,
  to: SecurityExceptionState,
  actor: ExceptionActor,
): 'transition' | 'permission' | null {
  if (!transitions[from].includes(to)) return 'transition';
  return permitted(to, actor) ? null : 'permission';
}

export const allowedTransitions = (from: SecurityExceptionState, actor: ExceptionActor): SecurityExceptionState[] =>
  transitions[from].filter((to) => permitted(to, actor));

/** Fields and links change in draft, and in expired so a renewal can carry a new expiry date. */
export const isEditable = (state: SecurityExceptionState) => state === 'draft' || state === 'expired';

/**
 * Deletion: a draft with security_exception:delete; closed records (rejected, resolved, expired) with
 * security_exception:approve; never while in review or approved (the exception is live: withdraw or decide a review,
 * resolve an approved one).
 */
export function deleteProblem(
  state: SecurityExceptionState,
  can: { delete: boolean; approve: boolean },
): 'state' | 'permission' | null {
  if (state === 'in_review' || state === 'approved') return 'state';
  if (state === 'draft') return can.delete ? null : 'permission';
  return can.approve ? null : 'permission';
}

/** What a request for review needs, each missing piece named (400). */
export function reviewProblems(
  exception: { expiryDate: string | null; justification: string | null },
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!exception.expiryDate) problems.push({ field: 'expiryDate', message: 'Set an expiry date before review' });
  else if (exception.expiryDate <= today) {
    problems.push({ field: 'expiryDate', message: 'The expiry date must be in the future' });
  }
  if (!exception.justification?.trim()) {
    problems.push({ field: 'justification', message: 'Explain why the exception is needed' });
  }
  return problems;
}
