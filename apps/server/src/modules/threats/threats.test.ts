import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { builtinThreats } from './catalogue.js';
import { createThreat } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/threats';
const missing = '00000000-0000-4000-8000-000000000000';
type Item = { id: string; source: string; urn: string | null; name: string; abilities: { update: boolean } };

async function builtinPhishing(session: Parameters<typeof call>[1]) {
  const res = await call(t.app, session, { method: 'GET', url: `${api}?source=builtin&q=Phishing` });
  const item = (res.json().items as Item[]).find((i) => i.urn === 'urn:rampart:risk:threat:phishing');
  if (!item) throw new Error('built-in phishing threat missing');
  return item;
}

describe('threats', () => {
  it('lists the built-in catalogue to every organisation, read-only, with paging and filters', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(t.app, session, {
        method: 'GET',
        url: `${api}?source=builtin&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(builtinThreats.length);
    expect(new Set(seen.map((i) => i.id)).size).toBe(builtinThreats.length);
    expect(seen.every((i) => i.source === 'builtin' && !i.abilities.update)).toBe(true);
    const env = await call(t.app, session, { method: 'GET', url: `${api}?source=builtin&category=environmental` });
    expect(env.json().items.map((i: Item) => i.urn)).toContain('urn:rampart:risk:threat:fire');
    expect(env.json().items.map((i: Item) => i.urn)).not.toContain('urn:rampart:risk:threat:phishing');
  });

  it('refuses to change or delete a built-in threat with builtin_read_only', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const phishing = await builtinPhishing(session);
    const got = await call(t.app, session, { method: 'GET', url: `${api}/${phishing.id}` });
    expect(got.statusCode).toBe(200);
    const patch = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${phishing.id}`,
      payload: { version: 1, name: 'Mine now' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('builtin_read_only');
    const del = await call(t.app, session, { method: 'DELETE', url: `${api}/${phishing.id}?version=1` });
    expect(del.statusCode).toBe(403);
    expect(del.json().code).toBe('builtin_read_only');
  });

  it('creates, reads, updates and deletes an organisation threat, with the 401/400/403/404 matrix', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });

    // create
    expect(
      (await call(t.app, null, { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x' } }))
        .statusCode,
    ).toBe(401);
    const bad = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, name: '', category: 'cosmic' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.category']),
    );
    expect(
      (await call(t.app, reader.session, { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, other.session, { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x' } }))
        .statusCode,
    ).toBe(404);
    const threat = await createThreat(t.app, session, rootFolderId, { refId: 'T-1', name: 'Rogue courier' });

    // list and get
    expect((await call(t.app, null, { method: 'GET', url: api })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?source=alien` })).statusCode).toBe(400);
    const mine = await call(t.app, reader.session, { method: 'GET', url: `${api}?source=organization` });
    expect(mine.json().items.map((i: Item) => i.id)).toEqual([threat.id]);
    expect(
      (await call(t.app, other.session, { method: 'GET', url: `${api}?source=organization` })).json().items,
    ).toEqual([]);
    const searched = await call(t.app, session, { method: 'GET', url: `${api}?q=rogue` });
    expect(searched.json().items.map((i: Item) => i.id)).toEqual([threat.id]);
    expect((await call(t.app, null, { method: 'GET', url: `${api}/${threat.id}` })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/not-a-uuid` })).statusCode).toBe(400);
    expect((await call(t.app, other.session, { method: 'GET', url: `${api}/${threat.id}` })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${missing}` })).statusCode).toBe(404);
    const got = await call(t.app, reader.session, { method: 'GET', url: `${api}/${threat.id}` });
    expect(got.json()).toMatchObject({
      source: 'organization',
      refId: 'T-1',
      abilities: { update: false, delete: false },
    });

    // update
    const url = `${api}/${threat.id}`;
    expect((await call(t.app, null, { method: 'PATCH', url, payload: { version: 1, name: 'y' } })).statusCode).toBe(
      401,
    );
    expect(
      (await call(t.app, session, { method: 'PATCH', url, payload: { version: 1, colour: 'red' } })).statusCode,
    ).toBe(400);
    expect(
      (await call(t.app, reader.session, { method: 'PATCH', url, payload: { version: 1, name: 'y' } })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, other.session, { method: 'PATCH', url, payload: { version: 1, name: 'y' } })).statusCode,
    ).toBe(404);
    const updated = await call(t.app, session, {
      method: 'PATCH',
      url,
      payload: { version: 1, name: 'Rogue courier v2', category: null },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Rogue courier v2', category: null, version: 2 });
    expect((await call(t.app, session, { method: 'PATCH', url, payload: { version: 1, name: 'z' } })).statusCode).toBe(
      409,
    );

    // a folder holding a threat cannot be deleted
    const sub = await createFolder(t.app, session, rootFolderId);
    const inSub = await createThreat(t.app, session, sub.id);
    const folderDelete = await call(t.app, session, {
      method: 'DELETE',
      url: `/api/v1/folders/${sub.id}?version=${sub.version}`,
    });
    expect(folderDelete.statusCode).toBe(409);
    const bySub = await call(t.app, session, { method: 'GET', url: `${api}?folderId=${sub.id}` });
    expect(bySub.json().items.map((i: Item) => i.id)).toEqual([inSub.id]);

    // delete
    expect((await call(t.app, null, { method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'DELETE', url: `${url}?version=abc` })).statusCode).toBe(400);
    expect((await call(t.app, reader.session, { method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(403);
    expect((await call(t.app, other.session, { method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'DELETE', url: `${url}?version=1` })).statusCode).toBe(409);
    expect((await call(t.app, session, { method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url })).statusCode).toBe(404);
  });
});
