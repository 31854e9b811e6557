import { describe, expect, it } from 'vitest';
import { Access } from '../access/access.js';
import { builtinRoles } from '../access/permissions-catalog.js';
import { planStatusChange } from './status.js';

const path = '/r/';
const as = (role: string) =>
  new Access('u', 'o', [
    { folderId: 'r', path, permissions: new Set(builtinRoles.find((r) => r.key === role)?.permissions ?? []) },
  ]);
const lockedAt = new Date('2026-01-01T00:00:00Z');

describe('planStatusChange', () => {
  it('locks on done (approve only) and keeps the lock when a done assessment is archived', () => {
    expect(() =>
      planStatusChange(as('contributor'), { status: 'in_review', folderPath: path, lockedAt: null }, 'done'),
    ).toThrow();
    const done = planStatusChange(as('manager'), { status: 'in_review', folderPath: path, lockedAt: null }, 'done');
    expect(done).toMatchObject({ status: 'done', action: 'compliance_assessment.locked' });
    expect(done.lockedAt).toBeInstanceOf(Date);
    expect(() =>
      planStatusChange(as('contributor'), { status: 'done', folderPath: path, lockedAt }, 'deprecated'),
    ).toThrow();
    expect(planStatusChange(as('manager'), { status: 'done', folderPath: path, lockedAt }, 'deprecated')).toEqual({
      status: 'deprecated',
      lockedAt,
      action: 'compliance_assessment.updated',
    });
  });

  it('needs approve to leave a locked deprecated assessment, and clears the lock then', () => {
    const archived = { status: 'deprecated' as const, folderPath: path, lockedAt };
    for (const target of ['in_progress', 'planned', 'in_review'] as const) {
      expect(() => planStatusChange(as('contributor'), archived, target), target).toThrow();
      expect(planStatusChange(as('manager'), archived, target), target).toEqual({
        status: target,
        lockedAt: null,
        action: 'compliance_assessment.reopened',
      });
    }
    expect(planStatusChange(as('manager'), archived, 'done')).toMatchObject({ status: 'done', lockedAt });
  });

  it('leaves unlocked moves to update rights, deprecated without a lock included', () => {
    const archived = { status: 'deprecated' as const, folderPath: path, lockedAt: null };
    expect(planStatusChange(as('contributor'), archived, 'in_progress')).toEqual({
      status: 'in_progress',
      lockedAt: null,
      action: 'compliance_assessment.updated',
    });
    expect(() => planStatusChange(as('auditor'), archived, 'in_progress')).toThrow();
    const inReview = { status: 'in_review' as const, folderPath: path, lockedAt: null };
    expect(planStatusChange(as('auditor'), inReview, 'in_progress').status).toBe('in_progress');
  });
});
