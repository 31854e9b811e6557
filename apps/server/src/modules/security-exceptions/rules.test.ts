import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  deleteProblem,
  reviewProblems,
  type SecurityExceptionState,
  transitionProblem,
} from './rules.js';

const base = { approverNamed: true, isApprover: false, isOwner: false, canUpdate: false, canApprove: false };
const states: SecurityExceptionState[] = ['draft', 'in_review', 'approved', 'rejected', 'resolved', 'expired'];

describe('security exception rules', () => {
  it('has the steps of the lifecycle and leaves approved → expired to the task', () => {
    const everyone = { ...base, isApprover: true, isOwner: true, canUpdate: true, canApprove: true };
    const steps = states.flatMap((from) =>
      states.filter((to) => transitionProblem(from, to, everyone) !== 'transition').map((to) => `${from}>${to}`),
    );
    expect(steps).toEqual([
      'draft>in_review',
      'in_review>draft',
      'in_review>approved',
      'in_review>rejected',
      'approved>resolved',
      'rejected>draft',
      'expired>in_review',
    ]);
  });

  it('gives the decision to the named approver, else to the approve permission', () => {
    expect(transitionProblem('in_review', 'approved', { ...base, canApprove: true, canUpdate: true })).toBe(
      'permission',
    );
    expect(transitionProblem('in_review', 'rejected', { ...base, isApprover: true, canApprove: true })).toBeNull();
    // Named but without approval authority (withdrawn since naming): no decision.
    expect(transitionProblem('in_review', 'rejected', { ...base, isApprover: true })).toBe('permission');
    expect(transitionProblem('in_review', 'approved', { ...base, approverNamed: false, canApprove: true })).toBeNull();
    expect(transitionProblem('in_review', 'approved', { ...base, approverNamed: false, isApprover: false })).toBe(
      'permission',
    );
    expect(allowedTransitions('approved', { ...base, isOwner: true })).toEqual(['resolved']);
  });

  it('lets an editor withdraw a review to draft, not the approver by approval authority alone', () => {
    expect(allowedTransitions('in_review', { ...base, canUpdate: true })).toEqual(['draft']);
    expect(transitionProblem('in_review', 'draft', { ...base, isApprover: true, canApprove: true })).toBe('permission');
    expect(transitionProblem('in_review', 'draft', { ...base, isOwner: true })).toBe('permission');
  });

  it('needs a justification and a future expiry for review; keeps live exceptions', () => {
    expect(reviewProblems({ expiryDate: null, justification: null }, '2026-03-01').map((p) => p.field)).toEqual([
      'expiryDate',
      'justification',
    ]);
    expect(reviewProblems({ expiryDate: '2026-03-02', justification: 'x' }, '2026-03-01')).toEqual([]);
    expect(deleteProblem('approved', { delete: true, approve: true })).toBe('state');
    expect(deleteProblem('in_review', { delete: true, approve: true })).toBe('state');
    expect(deleteProblem('expired', { delete: true, approve: false })).toBe('permission');
    expect(deleteProblem('draft', { delete: true, approve: false })).toBeNull();
  });
});
