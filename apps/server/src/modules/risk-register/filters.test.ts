import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { userWithPermissions } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-register-filters';
const missing = '00000000-0000-4000-8000-000000000000';

describe('saved register filters', () => {
  it('saves, lists by name, and deletes the caller’s own filters', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const created = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { name: '  Flagged to mitigate ', query: '?treatment=mitigate&flagged=true&q=caf%C3%A9+bar' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Flagged to mitigate',
      query: 'treatment=mitigate&flagged=true&q=caf%C3%A9+bar',
    });
    await call(t.app, session, { method: 'POST', url: api, payload: { name: 'All', query: '' } });
    const list = await call(t.app, session, { method: 'GET', url: api });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((f: { name: string }) => f.name)).toEqual(['All', 'Flagged to mitigate']);

    const removed = await call(t.app, session, { method: 'DELETE', url: `${api}/${created.json().id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: api })).json().items).toHaveLength(1);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${created.json().id}` })).statusCode).toBe(404);
    const audit = await call(t.app, session, {
      method: 'GET',
      url: '/api/v1/audit-events?objectType=risk_register_filter',
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['risk_register_filter.created', 'risk_register_filter.created', 'risk_register_filter.deleted']);
  });

  it('keeps filters apart between people and organisations', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const colleague = await userWithRole(t.app, t.database, {
      organizationId: mine.organization.id,
      folderId: mine.rootFolderId,
      role: 'reader',
    });
    const theirs = await createOrgWithOwner(t.app, t.database);
    const saved = (
      await call(t.app, mine.session, { method: 'POST', url: api, payload: { name: 'Mine', query: 'q=x' } })
    ).json();
    const colleagues = await call(t.app, colleague.session, {
      method: 'POST',
      url: api,
      payload: { name: 'Theirs', query: '' },
    });
    expect(colleagues.statusCode).toBe(201);

    expect(
      (await call(t.app, colleague.session, { method: 'GET', url: api }))
        .json()
        .items.map((f: { name: string }) => f.name),
    ).toEqual(['Theirs']);
    expect((await call(t.app, theirs.session, { method: 'GET', url: api })).json().items).toEqual([]);
    expect((await call(t.app, colleague.session, { method: 'DELETE', url: `${api}/${saved.id}` })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, theirs.session, { method: 'DELETE', url: `${api}/${saved.id}` })).statusCode).toBe(404);
    // The owner, acting in another organisation they belong to, does not see it either.
    const elsewhere = await createOrgWithOwner(t.app, t.database);
    expect(
      (await call(t.app, mine.session, { method: 'GET', url: api, organizationId: elsewhere.organization.id }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, mine.session, { method: 'GET', url: api })).json().items.map((f: { id: string }) => f.id),
    ).toEqual([saved.id]);
  });

  it('answers 401, 400 (name, query, id), 403 and 404', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    expect((await call(t.app, null, { method: 'GET', url: api })).statusCode).toBe(401);
    expect((await call(t.app, null, { method: 'POST', url: api, payload: { name: 'x', query: '' } })).statusCode).toBe(
      401,
    );
    expect((await call(t.app, null, { method: 'DELETE', url: `${api}/${missing}` })).statusCode).toBe(401);
    const invalid = [
      { name: '', query: '' },
      { name: 'x'.repeat(101), query: '' },
      { name: 'x', query: 'a=<script>' },
      { name: 'x', query: 'a=%E0%A4%A' },
      { name: 'x', query: `q=${'a'.repeat(2000)}` },
      { name: 'x', query: '', extra: true },
      { name: 'x' },
    ];
    for (const payload of invalid) {
      const response = await call(t.app, session, { method: 'POST', url: api, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const badQuery = await call(t.app, session, { method: 'POST', url: api, payload: { name: 'x', query: 'a b' } });
    expect(badQuery.json().errors[0].field).toContain('query');
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/nope` })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${missing}` })).statusCode).toBe(404);

    const noRisk = await userWithPermissions(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      permissions: ['folder:read'],
    });
    expect((await call(t.app, noRisk.session, { method: 'GET', url: api })).statusCode).toBe(403);
    expect(
      (await call(t.app, noRisk.session, { method: 'POST', url: api, payload: { name: 'x', query: '' } })).statusCode,
    ).toBe(403);
    expect((await call(t.app, noRisk.session, { method: 'DELETE', url: `${api}/${missing}` })).statusCode).toBe(403);
  });
});
