import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns } from '../../platform/jobs/tables.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let tick = Date.parse('2026-01-15T09:00:00Z');
async function insertRun(values: Partial<typeof jobRuns.$inferInsert> & { organizationId: string }) {
  tick += 1000;
  const [row] = await t.database.db
    .insert(jobRuns)
    .values({ type: 'test.export', createdAt: new Date(tick), ...values })
    .returning();
  if (!row) throw new Error('no row');
  return row;
}

describe('jobs', () => {
  it('401 without credentials', async () => {
    for (const url of ['/api/v1/jobs', '/api/v1/jobs/00000000-0000-4000-8000-000000000000']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
    }
  });

  it('lists the organisation’s runs newest first, filters them and pages with a cursor', async () => {
    const { session, organization, owner } = await createOrgWithOwner(t.app, t.database);
    const old = await insertRun({ organizationId: organization.id, status: 'succeeded', createdBy: owner.id });
    const failed = await insertRun({ organizationId: organization.id, status: 'failed', error: 'Boom' });
    const running = await insertRun({
      organizationId: organization.id,
      type: 'test.import',
      status: 'running',
      progress: 40,
      message: 'Row 400 of 1000',
    });

    const all = await call(t.app, session, { method: 'GET', url: '/api/v1/jobs' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((r: { id: string }) => r.id)).toEqual([running.id, failed.id, old.id]);
    expect(all.json().items[0]).toMatchObject({ status: 'running', progress: 40, message: 'Row 400 of 1000' });

    const onlyFailed = await call(t.app, session, { method: 'GET', url: '/api/v1/jobs?status=failed' });
    expect(onlyFailed.json().items).toEqual([expect.objectContaining({ id: failed.id, error: 'Boom' })]);
    const byType = await call(t.app, session, { method: 'GET', url: '/api/v1/jobs?type=test.import' });
    expect(byType.json().items.map((r: { id: string }) => r.id)).toEqual([running.id]);

    const first = await call(t.app, session, { method: 'GET', url: '/api/v1/jobs?limit=2' });
    expect(first.json().items).toHaveLength(2);
    const second = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/jobs?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: old.id })], nextCursor: null });
  });

  it('returns one run with status, progress, result and timestamps', async () => {
    const { session, organization } = await createOrgWithOwner(t.app, t.database);
    const finishedAt = new Date('2026-01-15T10:00:00.500Z');
    const run = await insertRun({
      organizationId: organization.id,
      status: 'succeeded',
      progress: 100,
      result: { rows: 12 },
      startedAt: new Date('2026-01-15T10:00:00Z'),
      finishedAt,
    });
    const response = await call(t.app, session, { method: 'GET', url: `/api/v1/jobs/${run.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: run.id,
      type: 'test.export',
      status: 'succeeded',
      progress: 100,
      result: { rows: 12 },
      error: null,
      finishedAt: finishedAt.toISOString(),
    });
  });

  it('400 on a bad id, filter or cursor', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    for (const url of [
      '/api/v1/jobs/nope',
      '/api/v1/jobs?status=done',
      '/api/v1/jobs?type=DROP%20TABLE',
      '/api/v1/jobs?cursor=x',
    ]) {
      const response = await call(t.app, session, { method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
    }
  });

  it('404 for another organisation’s run, which no list shows', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const run = await insertRun({ organizationId: theirs.organization.id });
    const response = await call(t.app, mine.session, { method: 'GET', url: `/api/v1/jobs/${run.id}` });
    expect(response.statusCode).toBe(404);
    const list = await call(t.app, mine.session, { method: 'GET', url: '/api/v1/jobs' });
    expect(list.json().items).toEqual([]);
  });

  it('scopes runs by folder: a reader of one folder sees its runs and their own, not the rest (404)', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const team = await createFolder(t.app, session, rootFolderId, 'Team');
    const other = await createFolder(t.app, session, rootFolderId, 'Other');
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: team.id,
      role: 'reader',
    });
    const inTeam = await insertRun({ organizationId: organization.id, folderId: team.id });
    const inOther = await insertRun({ organizationId: organization.id, folderId: other.id });
    const orgWide = await insertRun({ organizationId: organization.id });
    const own = await insertRun({ organizationId: organization.id, createdBy: reader.user.id });

    const list = await call(t.app, reader.session, { method: 'GET', url: '/api/v1/jobs' });
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([own.id, inTeam.id]);
    for (const hidden of [inOther, orgWide]) {
      const response = await call(t.app, reader.session, { method: 'GET', url: `/api/v1/jobs/${hidden.id}` });
      expect(response.statusCode).toBe(404);
    }
    const ownerList = await call(t.app, session, { method: 'GET', url: '/api/v1/jobs' });
    expect(ownerList.json().items).toHaveLength(4);
  });

  it('reports the job queue in /ready', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(response.json().checks).toMatchObject({ jobs: true });
  });
});
