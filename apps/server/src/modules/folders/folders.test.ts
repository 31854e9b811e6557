import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('folders', () => {
  it('401 without credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/folders' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated', requestId: expect.any(String) });
  });

  it('creates, lists, renames and deletes folders, with abilities', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const child = await createFolder(t.app, session, rootFolderId, 'Engineering');
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/folders?sort=name' });
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((f: { name: string }) => f.name);
    expect(names).toContain('Engineering');
    const item = list.json().items.find((f: { id: string }) => f.id === child.id);
    expect(item.abilities).toEqual({ update: true, delete: true, createChild: true });

    const renamed = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${child.id}`,
      payload: { name: 'Platform', version: child.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Platform', version: 2 });

    const removed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${child.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    const gone = await call(t.app, session, { method: 'GET', url: `/api/v1/folders/${child.id}` });
    expect(gone.statusCode).toBe(404);
  });

  it('400 names the invalid field and refuses unknown fields', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const blank = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: rootFolderId, name: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const unknown = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: rootFolderId, name: 'x', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('colour');
    const badId = await call(t.app, session, { method: 'GET', url: '/api/v1/folders/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
  });

  it('409 on a stale version, and nothing changes', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const folder = await createFolder(t.app, session, rootFolderId, 'Finance');
    const first = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${folder.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Finance & Legal' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${folder.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Overwritten' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const now = await call(t.app, session, { method: 'GET', url: `/api/v1/folders/${folder.id}` });
    expect(now.json()).toMatchObject({ name: 'Finance & Legal', version: 2 });
    const noVersion = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${folder.id}`,
      payload: { name: 'No version' },
    });
    expect(noVersion.statusCode).toBe(428);
  });

  it('moves a subtree and refuses cycles and non-empty deletes', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const a = await createFolder(t.app, session, rootFolderId, 'A');
    const b = await createFolder(t.app, session, a.id, 'B');
    const c = await createFolder(t.app, session, b.id, 'C');
    const target = await createFolder(t.app, session, rootFolderId, 'Target');

    const cycle = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${a.id}`,
      payload: { parentId: c.id, version: 1 },
    });
    expect(cycle.statusCode).toBe(409);

    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${b.id}`,
      payload: { parentId: target.id, version: 1 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const movedC = (await call(t.app, session, { method: 'GET', url: `/api/v1/folders/${c.id}` })).json();
    expect(movedC.pathIds).toEqual([rootFolderId, target.id, b.id, c.id]);
    expect(movedC.depth).toBe(3);

    const notEmpty = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${target.id}?version=1` });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().detail).toContain('subfolder');
  });

  it('inherits roles down the tree: a reader cannot write (403), a contributor on a branch sees only it', async () => {
    const { organization, rootFolderId, session: owner } = await createOrgWithOwner(t.app, t.database);
    const branch = await createFolder(t.app, owner, rootFolderId, 'Branch');
    const leaf = await createFolder(t.app, owner, branch.id, 'Leaf');
    const other = await createFolder(t.app, owner, rootFolderId, 'Other');

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const denied = await call(t.app, reader.session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: branch.id, name: 'Nope' },
    });
    expect(denied.statusCode).toBe(403);

    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: branch.id,
      role: 'manager',
    });
    const tree = await call(t.app, manager.session, { method: 'GET', url: '/api/v1/folders/tree' });
    const ids = tree.json().items.map((f: { id: string }) => f.id);
    expect(ids.sort()).toEqual([branch.id, leaf.id].sort());
    const inherited = await createFolder(t.app, manager.session, leaf.id, 'Deeper');
    expect(inherited.id).toBeTruthy();
    const hidden = await call(t.app, manager.session, { method: 'GET', url: `/api/v1/folders/${other.id}` });
    expect(hidden.statusCode).toBe(404);
  });

  it('guests see only their folder; another organisation answers 404', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const shared = await createFolder(t.app, a.session, a.rootFolderId, 'Audit 2026');
    await createFolder(t.app, a.session, a.rootFolderId, 'Secret');

    const guest = await userWithRole(t.app, t.database, {
      organizationId: a.organization.id,
      folderId: shared.id,
      role: 'auditor',
      guest: true,
    });
    const list = await call(t.app, guest.session, { method: 'GET', url: '/api/v1/folders' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((f: { id: string }) => f.id)).toEqual([shared.id]);

    // B's owner reaching into A: the organisation itself and its folders are 404.
    const intoA = await call(t.app, b.session, {
      method: 'GET',
      url: `/api/v1/folders/${shared.id}`,
      organizationId: a.organization.id,
    });
    expect(intoA.statusCode).toBe(404);
    const viaOwnOrg = await call(t.app, b.session, { method: 'GET', url: `/api/v1/folders/${shared.id}` });
    expect(viaOwnOrg.statusCode).toBe(404);
  });

  it('paginates with a stable cursor', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    for (const name of ['f1', 'f2', 'f3', 'f4', 'f5']) await createFolder(t.app, session, rootFolderId, name);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/folders?parentId=${rootFolderId}&limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(t.app, session, { method: 'GET', url });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((f: { name: string }) => f.name));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['f5', 'f4', 'f3', 'f2', 'f1']);
    const bad = await call(t.app, session, { method: 'GET', url: '/api/v1/folders?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('text that PostgreSQL cannot store', () => {
  it('answers 400 naming the field that holds a NUL character', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const response = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: rootFolderId, name: 'bad\u0000name' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const query = await call(t.app, session, { method: 'GET', url: '/api/v1/folders?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].field).toBe('query.q');
  });
});
