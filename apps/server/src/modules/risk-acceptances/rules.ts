import type { FieldError } from '../../platform/errors.js';
import type { riskAcceptanceStates } from './tables.js';

export type RiskAcceptanceState = (typeof riskAcceptanceStates)[number];

/**
 * The lifecycle of a risk acceptance (docs: docs/risk.md, "Risk acceptances"):
 * - created → submitted: risk_acceptance:update (the author asks for a decision);
 * - submitted → created: risk_acceptance:update (withdraw, to change it);
 * - submitted → accepted | rejected: ONLY the named approver, whatever roles anyone holds — an acceptance is one
 *   named person's decision, so an owner or manager who is not that person cannot take it for them — and only
 *   while that approver holds risk_acceptance:approve in the folder (naming one requires it too: someone who may
 *   merely edit acceptances cannot name themselves and accept their own risk);
 * - accepted → revoked: the approver, or risk_acceptance:approve in the folder (someone with approval authority
 *   must be able to withdraw an acceptance whose approver left).
 * rejected and revoked are final records.
 */
const transitions: Record<RiskAcceptanceState, RiskAcceptanceState[]> = {
  created: ['submitted'],
  submitted: ['created', 'accepted', 'rejected'],
  accepted: ['revoked'],
  rejected: [],
  revoked: [],
};

export interface AcceptanceActor {
  /** The caller is the acceptance's named approver. */
  isApprover: boolean;
  canUpdate: boolean;
  canApprove: boolean;
}

function permitted(from: RiskAcceptanceState, to: RiskAcceptanceState, actor: AcceptanceActor): boolean {
  if (to === 'accepted' || to === 'rejected') return actor.isApprover && actor.canApprove;
  if (to === 'revoked') return actor.isApprover || actor.canApprove;
  if (from === 'created' || from === 'submitted') return actor.canUpdate;
  return false;
}

export const isTransition = (from: RiskAcceptanceState, to: RiskAcceptanceState) => transitions[from].includes(to);

/** Why a move is refused: 'transition' (no such step, 409) or 'permission' (403); null when allowed. */
export function transitionProblem(
  from: RiskAcceptanceState,
  to: RiskAcceptanceState,
  actor: AcceptanceActor,
): 'transition' | 'permission' | null {
  if (!isTransition(from, to)) return 'transition';
  return permitted(from, to, actor) ? null : 'permission';
}

/** The states the caller may move an acceptance in `from` to (the UI shows only these buttons). */
export const allowedTransitions = (from: RiskAcceptanceState, actor: AcceptanceActor): RiskAcceptanceState[] =>
  transitions[from].filter((to) => permitted(from, to, actor));

/** Content (fields and scenarios) changes only before submission: the approver decides on what they read. */
export const isEditable = (state: RiskAcceptanceState) => state === 'created';

/**
 * Deletion: a draft (`created`) with risk_acceptance:delete; closed records without effect (rejected, revoked)
 * with risk_acceptance:approve only (housekeeping by someone with approval authority; the audit trail keeps
 * the history). Never while submitted (withdraw first) or accepted (revoke first: an acceptance that silences
 * flagged scenarios must not vanish without a trace of its end).
 */
export function deleteProblem(
  state: RiskAcceptanceState,
  can: { delete: boolean; approve: boolean },
): 'state' | 'permission' | null {
  if (state === 'submitted' || state === 'accepted') return 'state';
  if (state === 'created') return can.delete ? null : 'permission';
  return can.approve ? null : 'permission';
}

/** What a submission needs, each missing piece named (400). `today` is the clock's UTC date. */
export function submitProblems(
  acceptance: { approverId: string | null; expiryDate: string | null; justification: string | null },
  scenarioCount: number,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!acceptance.approverId) problems.push({ field: 'approverId', message: 'Name an approver before submitting' });
  if (!acceptance.expiryDate) problems.push({ field: 'expiryDate', message: 'Set an expiry date before submitting' });
  else if (acceptance.expiryDate <= today) {
    problems.push({ field: 'expiryDate', message: 'The expiry date must be in the future' });
  }
  if (!acceptance.justification?.trim()) {
    problems.push({ field: 'justification', message: 'Explain why the risk is accepted' });
  }
  if (scenarioCount === 0) problems.push({ field: 'scenarios', message: 'Link at least one risk scenario' });
  return problems;
}

/**
 * In force: accepted and not past its expiry date (the expiry date is the last day in force). The same rule in SQL
 * is `acceptanceInForce` in `in-force-sql.ts`: change both together.
 */
export const isInForce = (state: RiskAcceptanceState, expiryDate: string | null, today: string) =>
  state === 'accepted' && (expiryDate === null || expiryDate >= today);

/** Accepted but past its expiry date: its scenarios are flagged again. */
export const isExpired = (state: RiskAcceptanceState, expiryDate: string | null, today: string) =>
  state === 'accepted' && expiryDate !== null && expiryDate < today;
