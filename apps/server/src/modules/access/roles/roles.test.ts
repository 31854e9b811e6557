import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../../test/factories.js';
import { auditOf, builtinRoleId, expectAllUnauthenticated, grant, memberWithoutRole } from '../testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const createRole = (session: Parameters<typeof call>[1], payload: object) =>
  call(t.app, session, { method: 'POST', url: '/api/v1/roles', payload });

describe('roles and the permission catalogue', () => {
  it('401 without credentials on every endpoint', async () => {
    const id = randomUUID();
    await expectAllUnauthenticated(t.app, [
      ['GET', '/permissions'],
      ['GET', '/roles'],
      ['GET', `/roles/${id}`],
      ['POST', '/roles', { name: 'x', permissions: [] }],
      ['PATCH', `/roles/${id}`, { name: 'x', version: 1 }],
      ['DELETE', `/roles/${id}?version=1`],
    ]);
  });

  it('serves the catalogue and lists built-in roles first, then custom ones', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const catalogue = await call(t.app, session, { method: 'GET', url: '/api/v1/permissions' });
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json().objectTypes).toContain('role_binding');
    expect(catalogue.json().actions).toContain('approve');
    expect(catalogue.json().permissions).toEqual(expect.arrayContaining(['*', 'folder:read', 'member:delete']));

    const created = await createRole(session, { name: 'Evidence clerk', permissions: ['file:read', 'file:create'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      builtin: false,
      key: null,
      permissions: ['file:create', 'file:read'],
      bindingCount: 0,
      abilities: { update: true, delete: true },
    });
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/roles' });
    expect(list.statusCode).toBe(200);
    const keys = list.json().items.map((r: { key: string | null; name: string }) => r.key ?? r.name);
    expect(keys).toEqual(['auditor', 'contributor', 'manager', 'owner', 'reader', 'Evidence clerk']);
    const owner = list.json().items.find((r: { key: string }) => r.key === 'owner');
    expect(owner).toMatchObject({ builtin: true, permissions: ['*'], abilities: { update: false, delete: false } });
    expect(owner.bindingCount).toBe(1);
  });

  it('updates and deletes a custom role with versions, and audits every change', async () => {
    const { session, organization } = await createOrgWithOwner(t.app, t.database);
    const role = (await createRole(session, { name: 'Clerk', permissions: ['file:read'] })).json();
    const updated = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Senior clerk', permissions: ['file:read', 'file:update'] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Senior clerk', version: 2 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/roles/${role.id}`,
      payload: { name: 'Lost', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const noVersion = await call(t.app, session, { method: 'DELETE', url: `/api/v1/roles/${role.id}` });
    expect(noVersion.statusCode).toBe(428);
    const removed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/roles/${role.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    const gone = await call(t.app, session, { method: 'GET', url: `/api/v1/roles/${role.id}` });
    expect(gone.statusCode).toBe(404);

    const [changed] = await auditOf(t.database, organization.id, 'role.updated');
    expect(changed?.changes).toEqual({
      name: { before: 'Clerk', after: 'Senior clerk' },
      permissions: { added: ['file:update'], removed: [] },
    });
    expect(await auditOf(t.database, organization.id, 'role.created')).toHaveLength(1);
    expect(await auditOf(t.database, organization.id, 'role.deleted')).toHaveLength(1);
  });

  it('400 names the unknown permission, unknown fields and bad ids', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const unknown = await createRole(session, { name: 'Bad', permissions: ['folder:read', 'folder:fly'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'body.permissions.1', message: expect.stringContaining('folder:fly') }),
    ]);
    const extra = await createRole(session, { name: 'Bad', permissions: [], colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const blank = await createRole(session, { name: ' ', permissions: [] });
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const badId = await call(t.app, session, { method: 'GET', url: '/api/v1/roles/nope' });
    expect(badId.statusCode).toBe(400);
  });

  it('403: built-in roles are read-only, readers cannot create, nobody grants a role more than they hold', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const ownerRole = await builtinRoleId(t.database, 'owner');
    const builtin = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/roles/${ownerRole}`,
      payload: { name: 'Boss', version: 1 },
    });
    expect(builtin.statusCode).toBe(403);
    const deleteBuiltin = await call(t.app, session, { method: 'DELETE', url: `/api/v1/roles/${ownerRole}?version=1` });
    expect(deleteBuiltin.statusCode).toBe(403);

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: '/api/v1/roles' })).statusCode).toBe(200);
    expect((await createRole(reader.session, { name: 'Mine', permissions: [] })).statusCode).toBe(403);

    // A role administrator without `*` cannot mint a role holding more than they do.
    const admin = (await createRole(session, { name: 'Role admin', permissions: ['role:create', 'role:read'] })).json();
    const other = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    await grant(t.app, session, { folderId: rootFolderId, roleId: admin.id, userId: other.user.id });
    const escalate = await createRole(other.session, { name: 'Everything', permissions: ['*'] });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().detail).toContain('*');
    const allowed = await createRole(other.session, { name: 'Lesser', permissions: ['folder:read'] });
    expect(allowed.statusCode).toBe(201);
  });

  it('403 on the read endpoints for a role that does not include their read permission', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const viewer = (await createRole(session, { name: 'Folder viewer', permissions: ['folder:read'] })).json();
    const member = await memberWithoutRole(t.app, t.database, organization.id);
    await grant(t.app, session, { folderId: rootFolderId, roleId: viewer.id, userId: member.user.id });
    for (const url of ['/api/v1/roles', `/api/v1/roles/${viewer.id}`, '/api/v1/groups', '/api/v1/members']) {
      expect((await call(t.app, member.session, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    const bindings = await call(t.app, member.session, { method: 'GET', url: '/api/v1/role-bindings' });
    expect(bindings.json()).toEqual({ items: [], nextCursor: null });
    const catalogue = await call(t.app, member.session, { method: 'GET', url: '/api/v1/permissions' });
    expect(catalogue.statusCode).toBe(200);
  });

  it('404 for another organisation’s role; 409 for a bound role and a duplicate name', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const role = (await createRole(a.session, { name: 'Reviewer', permissions: ['folder:read'] })).json();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/roles/${role.id}`, undefined],
      ['PATCH', `/api/v1/roles/${role.id}`, { name: 'Mine', version: 1 }],
      ['DELETE', `/api/v1/roles/${role.id}?version=1`, undefined],
    ] as const) {
      const response = await call(t.app, b.session, { method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await createRole(a.session, { name: 'reviewer', permissions: [] })).statusCode).toBe(409);

    await grant(t.app, a.session, { folderId: a.rootFolderId, roleId: role.id, userId: a.owner.id });
    const bound = await call(t.app, a.session, { method: 'DELETE', url: `/api/v1/roles/${role.id}?version=1` });
    expect(bound.statusCode).toBe(409);
    expect(bound.json().detail).toContain('1 binding');
  });
});
