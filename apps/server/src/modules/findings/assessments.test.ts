import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { createAssessment, createFinding } from './testing.js';

const clock = new ManualClock(new Date('2026-03-10T08:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: String(24 * 90) } });
});
afterAll(() => t.close());

const api = '/api/v1/findings-assessments';

// Many requests per test on two shared cores: a generous timeout, no timing assertion.
vi.setConfig({ testTimeout: 180_000 });

describe('findings assessments', () => {
  it('counts its findings by severity and status, open and overdue; deleting it keeps the findings', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const assessment = await createAssessment(t.app, session, rootFolderId, {
      refId: 'PT-2026',
      description: 'External pen test',
      ownerId: owner.id,
      status: 'in_progress',
    });
    const base = { findingsAssessmentId: assessment.id };
    await createFinding(t.app, session, { ...base, severity: 'critical' });
    await createFinding(t.app, session, { ...base, severity: 'critical', status: 'closed' });
    await createFinding(t.app, session, { ...base, severity: 'low', dueDate: '2026-03-01' });
    const kept = await createFinding(t.app, session, { ...base, severity: 'info', status: 'dismissed' });
    await createFinding(t.app, session, { folderId: rootFolderId, severity: 'high' });

    const detail = await call(t.app, session, { method: 'GET', url: `${api}/${assessment.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      refId: 'PT-2026',
      category: 'pentest',
      status: 'in_progress',
      owner: { id: owner.id },
      findingCount: 4,
      bySeverity: { critical: 2, high: 0, medium: 0, low: 1, info: 1 },
      byStatus: { identified: 2, closed: 1, dismissed: 1, confirmed: 0, in_progress: 0, mitigated: 0 },
      openCount: 2,
      overdueCount: 1,
      abilities: { update: true, delete: true },
    });
    clock.set(new Date('2026-03-20T08:00:00Z'));
    const later = await call(t.app, session, { method: 'GET', url: api });
    expect(later.json().items[0]).toMatchObject({ id: assessment.id, overdueCount: 2 });

    const renamed = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: assessment.version, name: 'Renamed', category: 'audit', status: 'done' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', category: 'audit', status: 'done', version: 2 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const noVersion = await call(t.app, session, { method: 'DELETE', url: `${api}/${assessment.id}` });
    expect(noVersion.statusCode).toBe(428);
    const removed = await call(t.app, session, { method: 'DELETE', url: `${api}/${assessment.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    const orphan = await call(t.app, session, { method: 'GET', url: `/api/v1/findings/${kept.id}` });
    expect(orphan.statusCode).toBe(200);
    expect(orphan.json().findingsAssessment).toBeNull();
  });

  it('sorts and pages assessments', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    for (const name of ['Charlie', 'alpha', 'Bravo']) await createAssessment(t.app, session, rootFolderId, { name });
    const first = await call(t.app, session, { method: 'GET', url: `${api}?sort=name&limit=2` });
    expect(first.json().items.map((a: { name: string }) => a.name)).toEqual(['alpha', 'Bravo']);
    const second = await call(t.app, session, {
      method: 'GET',
      url: `${api}?sort=name&limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(second.json().items.map((a: { name: string }) => a.name)).toEqual(['Charlie']);
    expect(second.json().nextCursor).toBeNull();
  });
});
