import type { FieldError } from '../../platform/errors.js';
import { type Actor, lifecycle } from '../decision-records/index.js';
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
export const exceptionLifecycle = lifecycle<SecurityExceptionState>({
  initial: 'draft',
  steps: {
    draft: { in_review: 'editor' },
    in_review: {
      draft: 'editor',
      approved: 'named approver, else approve authority',
      rejected: 'named approver, else approve authority',
    },
    approved: { resolved: 'editor or owner' },
    rejected: { draft: 'editor' },
    resolved: {},
    expired: { in_review: 'editor' },
  },
  // Fields and links change in draft, and in expired so a renewal can carry a new expiry date.
  editable: ['draft', 'expired'],
  // Live: in review (withdraw or decide it first) or approved (resolve it first). Closed ones need approve.
  live: ['in_review', 'approved'],
});

export type ExceptionActor = Actor;

export const { transitionProblem, allowedTransitions, isEditable, deleteProblem } = exceptionLifecycle;

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
