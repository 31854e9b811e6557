import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('organizations', () => {
  it('401 without credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organizations' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403) and accepts it with the header', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { cookie: session.cookie },
      payload: { name: 'Forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' },
      payload: { name: 'Forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/organizations' });
    expect(list.json().items).toHaveLength(1);
  });

  it('lists only the caller’s organisations and hides others (404)', async () => {
    const a = await createOrgWithOwner(t.app, t.database, 'Alpha');
    const b = await createOrgWithOwner(t.app, t.database, 'Beta');
    const list = await call(t.app, a.session, { method: 'GET', url: '/api/v1/organizations' });
    expect(list.json().items.map((o: { name: string }) => o.name)).toEqual(['Alpha']);
    const other = await call(t.app, a.session, { method: 'GET', url: `/api/v1/organizations/${b.organization.id}` });
    expect(other.statusCode).toBe(404);
    const header = await call(t.app, a.session, {
      method: 'GET',
      url: '/api/v1/folders',
      organizationId: b.organization.id,
    });
    expect(header.statusCode).toBe(404);
  });

  it('creates another organisation with the caller as owner', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const created = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Subsidiary' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const tree = await call(t.app, session, {
      method: 'GET',
      url: '/api/v1/folders/tree',
      organizationId: created.json().id,
    });
    expect(tree.json().items).toEqual([expect.objectContaining({ id: created.json().rootFolderId })]);
  });

  it('owner renames with the version (409 when stale); a reader gets 403; bad input 400', async () => {
    const { organization, session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const url = `/api/v1/organizations/${organization.id}`;
    const renamed = await call(t.app, session, { method: 'PATCH', url, payload: { name: 'Renamed', version: 1 } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', version: 2 });
    const root = await call(t.app, session, { method: 'GET', url: `/api/v1/folders/${rootFolderId}` });
    expect(root.json().name).toBe('Renamed');
    const stale = await call(t.app, session, { method: 'PATCH', url, payload: { name: 'Again', version: 1 } });
    expect(stale.statusCode).toBe(409);
    const bad = await call(t.app, session, { method: 'PATCH', url, payload: { requireTotp: 'yes', version: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.requireTotp');

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const denied = await call(t.app, reader.session, { method: 'PATCH', url, payload: { name: 'X', version: 2 } });
    expect(denied.statusCode).toBe(403);
    const seen = await call(t.app, reader.session, { method: 'GET', url });
    expect(seen.json().abilities).toEqual({ update: false });
  });
});

describe('the caller’s permissions in /auth/me', () => {
  it('lists organisation-wide and somewhere-held permissions, so the UI can hide what is not allowed', async () => {
    const { organization, rootFolderId, session } = await createOrgWithOwner(t.app, t.database);
    const ownerMe = (await call(t.app, session, { method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(ownerMe.permissions.organizationWide).toContain('member:create');
    expect(ownerMe.permissions.organizationWide).toContain('organization:update');

    const branch = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: rootFolderId, name: 'Branch' },
    });
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: branch.json().id,
      role: 'manager',
    });
    const me = (await call(t.app, manager.session, { method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.permissions.organizationWide).toEqual([]);
    expect(me.permissions.somewhere).toContain('invitation:create');
    expect(me.permissions.somewhere).not.toContain('organization:update');
  });
});
