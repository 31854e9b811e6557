import type { FieldError } from '../../platform/errors.js';
import { type Actor, lifecycle } from '../decision-records/index.js';
import type { riskAcceptanceStates } from './tables.js';

export type RiskAcceptanceState = (typeof riskAcceptanceStates)[number];

/**
 * The lifecycle of a risk acceptance (docs: docs/risk.md, "Risk acceptances"):
 * - created → submitted: risk_acceptance:update (the author asks for a decision);
 * - submitted → created: risk_acceptance:update (withdraw, to change it);
 * - submitted → accepted | rejected: ONLY the named approver, whatever roles anyone holds, and only while they
 *   hold risk_acceptance:approve in the folder (see 'named approver' in decision-records/lifecycle.ts);
 * - accepted → revoked: the approver, or risk_acceptance:approve in the folder (someone with approval authority
 *   must be able to withdraw an acceptance whose approver left).
 * rejected and revoked are final records. Content (fields and scenarios) changes only before submission: the
 * approver decides on what they read. Never deleted while submitted (withdraw first) or accepted (revoke first: an
 * acceptance that silences flagged scenarios must not vanish without a trace of its end).
 */
export const acceptanceLifecycle = lifecycle<RiskAcceptanceState>({
  initial: 'created',
  steps: {
    created: { submitted: 'editor' },
    submitted: { created: 'editor', accepted: 'named approver', rejected: 'named approver' },
    accepted: { revoked: 'approver or approve authority' },
    rejected: {},
    revoked: {},
  },
  editable: ['created'],
  live: ['submitted', 'accepted'],
});

/** What the rules know of the caller: acceptances name no owner. */
export type AcceptanceActor = Pick<Actor, 'isApprover' | 'canUpdate' | 'canApprove'>;

export const { transitionProblem, allowedTransitions, isEditable, deleteProblem } = acceptanceLifecycle;

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
