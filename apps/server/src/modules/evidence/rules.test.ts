import { describe, expect, it } from 'vitest';
import { contentDisposition } from './revision-routes.js';
import { allowedTransitions, statusChangeProblem } from './status-rules.js';

const none = { update: false, review: false, approve: false };

describe('evidence status rules', () => {
  it('approval and rejection need evidence:approve', () => {
    expect(statusChangeProblem('in_review', 'approved', { ...none, update: true, review: true })).toBe('permission');
    expect(statusChangeProblem('in_review', 'rejected', { ...none, approve: true })).toBeNull();
  });
  it('submitting for review needs update or review', () => {
    expect(statusChangeProblem('draft', 'in_review', none)).toBe('permission');
    expect(statusChangeProblem('draft', 'in_review', { ...none, review: true })).toBeNull();
    expect(statusChangeProblem('draft', 'in_review', { ...none, update: true })).toBeNull();
  });
  it('steps outside the lifecycle are refused whatever the permissions', () => {
    const all = { update: true, review: true, approve: true };
    expect(statusChangeProblem('draft', 'approved', all)).toBe('transition');
    expect(statusChangeProblem('approved', 'expired', all)).toBe('transition');
    expect(statusChangeProblem('missing', 'rejected', all)).toBe('transition');
    expect(allowedTransitions('expired', all)).toEqual(['draft', 'in_review']);
    expect(allowedTransitions('in_review', { ...none, review: true })).toEqual([]);
  });
});

describe('content disposition', () => {
  it('keeps an ASCII fallback free of quotes and the exact UTF-8 name', () => {
    const header = contentDisposition('Rapport "final" – été.pdf');
    expect(header).toBe(
      `attachment; filename="Rapport _final_ _ _t_.pdf"; filename*=UTF-8''Rapport%20%22final%22%20%E2%80%93%20%C3%A9t%C3%A9.pdf`,
    );
  });
});
