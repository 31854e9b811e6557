import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, createUser } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { createControl } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/applied-controls';
const missing = '00000000-0000-4000-8000-000000000000';

describe('applied controls CRUD', () => {
  it('401 without credentials', async () => {
    for (const [method, url, payload] of [
      ['GET', api, undefined],
      ['GET', `${api}/${missing}`, undefined],
      ['POST', api, { folderId: missing, name: 'x' }],
      ['PATCH', `${api}/${missing}`, { version: 1 }],
      ['DELETE', `${api}/${missing}?version=1`, undefined],
      ['PUT', `${api}/${missing}/requirements`, { requirementNodeIds: [] }],
      ['POST', `${api}/${missing}/evidence`, { evidenceId: missing }],
      ['DELETE', `${api}/${missing}/reference-controls/${missing}`, undefined],
    ] as const) {
      expect((await t.app.inject({ method, url, payload })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('creates, reads, updates with optimistic concurrency and deletes, auditing each step', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const created = await createControl(t.app, session, rootFolderId, {
      refId: 'AC-01',
      name: 'Quarterly access review',
      status: 'in_progress',
      category: 'process',
      csfFunction: 'protect',
      priority: 2,
      effort: 'M',
      costBuild: 1000,
      costRun: 200,
      currency: 'eur',
      startDate: '2026-01-01',
      eta: '2026-03-31',
      progress: 40,
      link: 'https://wiki.example.test/access-review',
      ownerIds: [owner.id],
    });
    expect(created).toMatchObject({
      refId: 'AC-01',
      currency: 'EUR',
      priority: 2,
      owners: [{ id: owner.id, email: owner.email }],
      requirements: [],
      evidence: [],
      abilities: { update: true, delete: true },
    });

    const got = await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().name).toBe('Quarterly access review');

    const updated = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, status: 'active', progress: 100, ownerIds: [], description: 'Done' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'active', progress: 100, owners: [], version: created.version + 1 });

    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, name: 'Lost update' },
    });
    expect(stale.statusCode).toBe(409);
    const noVersion = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { name: 'x' },
    });
    expect(noVersion.statusCode).toBe(428);

    const staleDelete = await call(t.app, session, { method: 'DELETE', url: `${api}/${created.id}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${created.id}`,
      headers: { 'if-match': `"${created.version + 1}"` },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` })).statusCode).toBe(404);

    const events = await t.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, created.id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      'applied_control.created',
      'applied_control.updated',
      'applied_control.deleted',
    ]);
    expect(events[1]?.changes).toMatchObject({ status: { before: 'in_progress', after: 'active' } });
  });

  it('400 naming the field for bad input', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const stranger = await createUser(t.database);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'body.name'],
      [{ name: 'x', priority: 5 }, 'body.priority'],
      [{ name: 'x', effort: 'XXL' }, 'body.effort'],
      [{ name: 'x', currency: 'EURO' }, 'body.currency'],
      [{ name: 'x', progress: 101 }, 'body.progress'],
      [{ name: 'x', link: 'javascript:alert(1)' }, 'body.link'],
      [{ name: 'x', link: 'ftp://example.test/file' }, 'body.link'],
      [{ name: 'x', startDate: '2026-02-30' }, 'body.startDate'],
      [{ name: 'x', startDate: '2026-05-01', eta: '2026-04-01' }, 'body.eta'],
      [{ name: 'x', ownerIds: [stranger.id] }, 'body.ownerIds'],
      [{ name: 'x', unknown: 1 }, 'body'],
    ];
    for (const [fields, field] of cases) {
      const response = await call(t.app, session, {
        method: 'POST',
        url: api,
        payload: { folderId: rootFolderId, ...fields },
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(JSON.stringify(response.json().errors), JSON.stringify(fields)).toContain(field);
    }
    const control = await createControl(t.app, session, rootFolderId, { startDate: '2026-05-01' });
    const badEta = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${control.id}`,
      payload: { version: control.version, eta: '2026-04-01' },
    });
    expect(badEta.statusCode).toBe(400);
    expect(badEta.json().errors[0].field).toBe('body.eta');
    const badQuery = await call(t.app, session, { method: 'GET', url: `${api}?status=nope` });
    expect(badQuery.statusCode).toBe(400);
    const badCursor = await call(t.app, session, { method: 'GET', url: `${api}?cursor=abc` });
    expect(badCursor.statusCode).toBe(400);
  });

  it('lists with filters, sorts (nulls last) and cursor pages', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Sub');
    const a = await createControl(t.app, session, rootFolderId, {
      name: 'Alpha firewall',
      refId: 'C-2',
      status: 'active',
      category: 'technical',
      csfFunction: 'protect',
      priority: 1,
      eta: '2026-06-01',
    });
    const b = await createControl(t.app, session, sub.id, {
      name: 'Beta policy',
      refId: 'C-1',
      category: 'policy',
      csfFunction: 'govern',
      description: 'Mentions firewall rules',
      ownerIds: [owner.id],
    });
    const c = await createControl(t.app, session, sub.id, { name: 'Gamma logging', priority: 3 });
    const list = async (query: string) => {
      const response = await call(t.app, session, { method: 'GET', url: `${api}?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string }[]).map((i) => i.id);
    };
    expect(await list('')).toEqual([a.id, b.id, c.id]);
    expect(await list('q=firewall')).toEqual([a.id, b.id]);
    expect(await list('q=c-1')).toEqual([b.id]);
    expect(await list('status=active')).toEqual([a.id]);
    expect(await list('category=policy')).toEqual([b.id]);
    expect(await list('csfFunction=protect')).toEqual([a.id]);
    expect(await list(`folderId=${sub.id}`)).toEqual([b.id, c.id]);
    expect(await list(`folderId=${rootFolderId}`)).toHaveLength(3);
    expect(await list(`ownerId=${owner.id}`)).toEqual([b.id]);
    expect(await list('sort=priority')).toEqual([a.id, c.id, b.id]);
    expect(await list('sort=-priority')).toEqual([c.id, a.id, b.id]);
    expect(await list('sort=refId')).toEqual([b.id, a.id, c.id]);
    const byEta = await list('sort=eta');
    expect(byEta[0]).toBe(a.id);
    expect(byEta.slice(1).sort()).toEqual([b.id, c.id].sort());
    expect((await list('sort=-eta'))[0]).toBe(a.id);

    for (const sort of ['name', 'priority', '-priority', 'refId', 'eta', '-updatedAt', 'status']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await call(t.app, session, {
          method: 'GET',
          url: `${api}?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json() as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(await list(`sort=${sort}`));
    }
  });
});
