import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { createAssessment, createFinding, type FindingJson } from './testing.js';

const clock = new ManualClock(new Date('2026-03-10T08:00:00Z'));
const day = 24 * 60 * 60 * 1000;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: String(24 * 90) } });
});
afterAll(() => t.close());

const api = '/api/v1/findings';

// Many requests per test on two shared cores: a generous timeout, no timing assertion.
vi.setConfig({ testTimeout: 180_000 });

describe('findings', () => {
  it('computes due dates from the SLA, recomputes them on a severity change, keeps hand-set ones', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const high = await createFinding(t.app, session, { folderId: rootFolderId, severity: 'high' });
    expect(high.identifiedAt).toBe('2026-03-10T08:00:00.000Z');
    expect(high.dueDate).toBe('2026-04-09');
    expect(high.status).toBe('identified');
    const info = await createFinding(t.app, session, { folderId: rootFolderId, severity: 'info' });
    expect(info.dueDate).toBeNull();
    const manual = await createFinding(t.app, session, {
      folderId: rootFolderId,
      severity: 'low',
      dueDate: '2026-12-31',
    });
    expect(manual.dueDate).toBe('2026-12-31');

    const patch = async (finding: FindingJson, payload: Record<string, unknown>) => {
      const response = await call(t.app, session, {
        method: 'PATCH',
        url: `${api}/${finding.id}`,
        payload: { version: finding.version, ...payload },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as FindingJson;
    };
    expect((await patch(high, { severity: 'critical' })).dueDate).toBe('2026-03-17');
    expect((await patch(info, { severity: 'medium' })).dueDate).toBe('2026-06-08');
    expect((await patch(manual, { severity: 'critical' })).dueDate).toBe('2026-12-31');

    // Settings change: new findings follow it, existing due dates stay.
    const put = await call(t.app, session, {
      method: 'PUT',
      url: '/api/v1/finding-slas',
      payload: { version: 0, days: { critical: 2, high: 14, medium: 60, low: null, info: 365 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await createFinding(t.app, session, { folderId: rootFolderId, severity: 'critical' });
    expect(after.dueDate).toBe('2026-03-12');
    const low = await createFinding(t.app, session, { folderId: rootFolderId, severity: 'low' });
    expect(low.dueDate).toBeNull();
    const still = await call(t.app, session, { method: 'GET', url: `${api}/${high.id}` });
    expect(still.json().dueDate).toBe('2026-03-17');
    // The given identification date is the base of the computation.
    const older = await createFinding(t.app, session, {
      folderId: rootFolderId,
      severity: 'high',
      identifiedAt: '2026-01-01T12:00:00Z',
    });
    expect(older.dueDate).toBe('2026-01-15');
  });

  it('is overdue after its due date while open, by the clock', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const finding = await createFinding(t.app, session, { folderId: rootFolderId, severity: 'critical' });
    expect(finding.dueDate).toBe('2026-03-17');
    expect(finding.overdue).toBe(false);
    clock.set(new Date('2026-03-17T23:00:00Z'));
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${finding.id}` })).json().overdue).toBe(false);
    clock.advance(2 * 60 * 60 * 1000);
    const late = await call(t.app, session, { method: 'GET', url: `${api}/${finding.id}` });
    expect(late.json().overdue).toBe(true);
    const overdueList = await call(t.app, session, { method: 'GET', url: `${api}?overdue=true` });
    expect(overdueList.json().items.map((i: { id: string }) => i.id)).toEqual([finding.id]);
    const mitigated = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${finding.id}`,
      payload: { version: finding.version, status: 'mitigated' },
    });
    expect(mitigated.json().overdue).toBe(false);
    expect(mitigated.json().closedAt).toBeNull();
    expect((await call(t.app, session, { method: 'GET', url: `${api}?overdue=true` })).json().items).toEqual([]);
  });

  it('stamps closedAt when closed or dismissed and clears it when reopened', async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const finding = await createFinding(t.app, session, { folderId: rootFolderId });
    clock.advance(day);
    const closed = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${finding.id}`,
      payload: { version: 1, status: 'closed' },
    });
    expect(closed.json().closedAt).toBe('2026-03-11T08:00:00.000Z');
    clock.advance(day);
    const dismissed = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${finding.id}`,
      payload: { version: 2, status: 'dismissed' },
    });
    expect(dismissed.json().closedAt).toBe('2026-03-11T08:00:00.000Z');
    const reopened = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${finding.id}`,
      payload: { version: 3, status: 'in_progress' },
    });
    expect(reopened.json().closedAt).toBeNull();
    const createdClosed = await createFinding(t.app, session, { folderId: rootFolderId, status: 'dismissed' });
    expect(createdClosed.closedAt).toBe('2026-03-12T08:00:00.000Z');

    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${finding.id}`,
      payload: { version: 1, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const events = await t.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, finding.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      'finding.created',
      'finding.updated',
      'finding.updated',
      'finding.updated',
    ]);
    expect(events[1]?.changes).toMatchObject({ status: { before: 'identified', after: 'closed' } });
    const removed = await call(t.app, session, { method: 'DELETE', url: `${api}/${finding.id}?version=4` });
    expect(removed.statusCode).toBe(204);
  });

  it("puts a finding of an assessment in the assessment's folder unless told otherwise", async () => {
    clock.set(new Date('2026-03-10T08:00:00Z'));
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Audits');
    const assessment = await createAssessment(t.app, session, sub.id);
    const inherited = await createFinding(t.app, session, { findingsAssessmentId: assessment.id });
    expect(inherited.folderId).toBe(sub.id);
    expect(inherited.findingsAssessment).toEqual({ id: assessment.id, name: assessment.name });
    const elsewhere = await createFinding(t.app, session, {
      findingsAssessmentId: assessment.id,
      folderId: rootFolderId,
    });
    expect(elsewhere.folderId).toBe(rootFolderId);
    const noFolder = await call(t.app, session, { method: 'POST', url: api, payload: { title: 'x', severity: 'low' } });
    expect(noFolder.statusCode).toBe(400);
    expect(noFolder.json().errors[0].field).toBe('body.folderId');
  });
});
