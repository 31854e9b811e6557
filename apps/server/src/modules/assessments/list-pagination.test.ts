import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { complianceAssessments } from './tables.js';
import { assessmentsApi as api, createAssessment, seedFramework } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * Rows built to trip keyset pagination: equal names (case aside), due dates missing or shared, and creation
 * times that differ only in microseconds or not at all.
 */
const rows = [
  { name: 'Alpha', dueDate: '2027-03-01', createdAt: '2026-05-01 10:00:00.000100+00' },
  { name: 'alpha', dueDate: null, createdAt: '2026-05-01 10:00:00.000200+00' },
  { name: 'Bravo', dueDate: '2027-01-15', createdAt: '2026-05-01 10:00:00.000200+00' },
  { name: 'Charlie', dueDate: null, createdAt: '2026-05-01 10:00:00.000900+00' },
  { name: 'Delta', dueDate: '2027-01-15', createdAt: '2026-05-01 10:00:00.001000+00' },
  { name: 'Echo', dueDate: null, createdAt: '2026-05-01 10:00:00.001001+00' },
  { name: 'Alpha', dueDate: '2026-12-31', createdAt: '2026-05-02 08:30:00.123456+00' },
];

async function listIds(session: Session, query: string) {
  const response = await call(t.app, session, { method: 'GET', url: `${api}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { id: string }[]; nextCursor: string | null };
}

async function pageThrough(session: Session, sort: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listIds(
      session,
      `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('pagination did not end');
}

describe('assessment list pagination', () => {
  it('pages through every row in the unpaged order for each sort key and direction', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const created: string[] = [];
    for (const row of rows) {
      const a = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId, name: row.name });
      await t.database.db
        .update(complianceAssessments)
        .set({ dueDate: row.dueDate, createdAt: sql`${row.createdAt}::timestamptz` })
        .where(eq(complianceAssessments.id, a.id));
      created.push(a.id);
    }
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'dueDate', '-dueDate']) {
      const unpaged = await listIds(session, `sort=${sort}&limit=200`);
      expect(unpaged.nextCursor).toBeNull();
      const all = unpaged.items.map((i) => i.id);
      expect([...all].sort(), sort).toEqual([...created].sort());
      for (const limit of [1, 2, 3]) {
        expect(await pageThrough(session, sort, limit), `${sort} by ${limit}`).toEqual(all);
      }
    }
    // Rows without a due date come last in either direction.
    const byDue = (await listIds(session, 'sort=-dueDate&limit=200')).items.map((i) => created.indexOf(i.id));
    expect(byDue.slice(-3).map((i) => rows[i]?.dueDate)).toEqual([null, null, null]);
    expect(byDue.slice(0, 4).map((i) => rows[i]?.dueDate)).toEqual([
      '2027-03-01',
      '2027-01-15',
      '2027-01-15',
      '2026-12-31',
    ]);
  });

  it('answers an empty page for a folder unknown to the organisation, without a database error', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    for (const folderId of [other.rootFolderId, '00000000-0000-4000-8000-000000000000']) {
      expect(await listIds(session, `folderId=${folderId}`)).toEqual({ items: [], nextCursor: null });
    }
    expect((await listIds(session, `folderId=${rootFolderId}`)).items).toHaveLength(1);
  });
});
