import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  deleteProblem,
  isExpired,
  isInForce,
  type RiskAcceptanceState,
  submitProblems,
  transitionProblem,
} from './rules.js';

const nobody = { isApprover: false, canUpdate: false, canApprove: false };
const editor = { ...nobody, canUpdate: true };
/** The named approver, holding the approval authority that being named requires, and nothing else. */
const approverOnly = { ...nobody, isApprover: true, canApprove: true };
const owner = { isApprover: false, canUpdate: true, canApprove: true };
const states: RiskAcceptanceState[] = ['created', 'submitted', 'accepted', 'rejected', 'revoked'];

describe('risk acceptance rules', () => {
  it('knows exactly the five steps of the lifecycle', () => {
    const steps = states.flatMap((from) =>
      states
        .filter((to) => transitionProblem(from, to, { ...owner, isApprover: true }) !== 'transition')
        .map((to) => `${from}>${to}`),
    );
    expect(steps).toEqual([
      'created>submitted',
      'submitted>created',
      'submitted>accepted',
      'submitted>rejected',
      'accepted>revoked',
    ]);
  });

  it('lets only the named approver decide, whatever the roles of others', () => {
    expect(transitionProblem('submitted', 'accepted', owner)).toBe('permission');
    expect(transitionProblem('submitted', 'rejected', owner)).toBe('permission');
    expect(transitionProblem('submitted', 'accepted', approverOnly)).toBeNull();
    expect(allowedTransitions('submitted', approverOnly)).toEqual(['accepted', 'rejected']);
    expect(allowedTransitions('submitted', editor)).toEqual(['created']);
    // Named but without approval authority (withdrawn since, or named by a bypass): no decision.
    expect(transitionProblem('submitted', 'accepted', { ...nobody, isApprover: true })).toBe('permission');
    expect(allowedTransitions('submitted', { ...nobody, isApprover: true, canUpdate: true })).toEqual(['created']);
  });

  it('lets the approver or an approve permission revoke', () => {
    expect(transitionProblem('accepted', 'revoked', approverOnly)).toBeNull();
    expect(transitionProblem('accepted', 'revoked', { ...nobody, isApprover: true })).toBeNull();
    expect(transitionProblem('accepted', 'revoked', { ...nobody, canApprove: true })).toBeNull();
    expect(transitionProblem('accepted', 'revoked', editor)).toBe('permission');
    expect(allowedTransitions('revoked', owner)).toEqual([]);
  });

  it('names every missing piece of a submission', () => {
    const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
    expect(fields(submitProblems({ approverId: null, expiryDate: null, justification: ' ' }, 0, '2026-03-01'))).toEqual(
      ['approverId', 'expiryDate', 'justification', 'scenarios'],
    );
    expect(
      fields(submitProblems({ approverId: 'u', expiryDate: '2026-03-01', justification: 'ok' }, 1, '2026-03-01')),
    ).toEqual(['expiryDate']);
    expect(submitProblems({ approverId: 'u', expiryDate: '2026-03-02', justification: 'ok' }, 1, '2026-03-01')).toEqual(
      [],
    );
  });

  it('is in force through the expiry date and expired the day after', () => {
    expect(isInForce('accepted', '2026-03-01', '2026-03-01')).toBe(true);
    expect(isInForce('accepted', null, '2026-03-01')).toBe(true);
    expect(isInForce('accepted', '2026-03-01', '2026-03-02')).toBe(false);
    expect(isExpired('accepted', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isInForce('submitted', null, '2026-03-01')).toBe(false);
    expect(isExpired('revoked', '2026-01-01', '2026-03-02')).toBe(false);
  });

  it('keeps submitted and accepted acceptances, and decided ones unless approve', () => {
    expect(deleteProblem('created', { delete: true, approve: false })).toBeNull();
    expect(deleteProblem('created', { delete: false, approve: true })).toBe('permission');
    expect(deleteProblem('submitted', { delete: true, approve: true })).toBe('state');
    expect(deleteProblem('accepted', { delete: true, approve: true })).toBe('state');
    expect(deleteProblem('rejected', { delete: true, approve: false })).toBe('permission');
    expect(deleteProblem('revoked', { delete: false, approve: true })).toBeNull();
  });
});
