import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../../test/factories.js';
import { auditOf, builtinRoleId, expectAllUnauthenticated, grant, memberWithoutRole } from '../testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (session: Session, payload: object) =>
  call(t.app, session, { method: 'POST', url: '/api/v1/role-bindings', payload });
const folderIds = async (session: Session) =>
  (await call(t.app, session, { method: 'GET', url: '/api/v1/folders/tree' }))
    .json()
    .items.map((f: { id: string }) => f.id);

const bareMember = (organizationId: string) => memberWithoutRole(t.app, t.database, organizationId);

describe('role bindings', () => {
  it('401 without credentials on every endpoint', async () => {
    const id = randomUUID();
    await expectAllUnauthenticated(t.app, [
      ['GET', '/role-bindings'],
      ['POST', '/role-bindings', { folderId: id, roleId: id, userId: id }],
      ['DELETE', `/role-bindings/${id}`],
    ]);
  });

  it('a role granted through the API is inherited down the tree, and nothing beside it', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const branch = await createFolder(t.app, session, rootFolderId, 'Branch');
    const leaf = await createFolder(t.app, session, branch.id, 'Leaf');
    const other = await createFolder(t.app, session, rootFolderId, 'Other');
    const member = await bareMember(organization.id);
    const binding = await grant(t.app, session, {
      folderId: branch.id,
      roleId: await builtinRoleId(t.database, 'contributor'),
      userId: member.user.id,
    });
    expect(binding.subject.guest).toBe(false);
    expect((await folderIds(member.session)).sort()).toEqual([branch.id, leaf.id].sort());
    const hidden = await call(t.app, member.session, { method: 'GET', url: `/api/v1/folders/${other.id}` });
    expect(hidden.statusCode).toBe(404);

    const [created] = await auditOf(t.database, organization.id, 'role_binding.created');
    expect(created?.changes).toMatchObject({
      folderName: 'Branch',
      roleName: 'Contributor',
      subjectType: 'user',
      subjectEmail: member.user.email,
      guest: false,
    });

    const revoked = await call(t.app, session, { method: 'DELETE', url: `/api/v1/role-bindings/${binding.id}` });
    expect(revoked.statusCode).toBe(204);
    expect(await folderIds(member.session)).toEqual([]);
    expect(await auditOf(t.database, organization.id, 'role_binding.deleted')).toHaveLength(1);
  });

  it('a binding to a group grants its members access', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const branch = await createFolder(t.app, session, rootFolderId, 'Security');
    const member = await bareMember(organization.id);
    const group = (
      await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'Security team' } })
    ).json();
    const joined = await call(t.app, session, {
      method: 'PUT',
      url: `/api/v1/groups/${group.id}/members/${member.user.id}`,
    });
    expect(joined.statusCode, joined.body).toBe(204);
    await grant(t.app, session, {
      folderId: branch.id,
      roleId: await builtinRoleId(t.database, 'manager'),
      groupId: group.id,
    });
    const made = await createFolder(t.app, member.session, branch.id, 'Made by the group');
    expect(made.id).toBeTruthy();

    const list = await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?groupId=${group.id}` });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        folderName: 'Security',
        roleKey: 'manager',
        subject: { type: 'group', id: group.id, displayName: 'Security team', email: null, guest: false },
      }),
    ]);
  });

  it('a user of another organisation becomes a guest who sees only the bound subtree', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const shared = await createFolder(t.app, a.session, a.rootFolderId, 'Audit 2026');
    const inner = await createFolder(t.app, a.session, shared.id, 'Fieldwork');
    await createFolder(t.app, a.session, a.rootFolderId, 'Secret');
    const binding = await grant(t.app, a.session, {
      folderId: shared.id,
      roleId: await builtinRoleId(t.database, 'auditor'),
      userId: b.owner.id,
    });
    expect(binding.subject.guest).toBe(true);

    const guest: Session = { ...b.session, organizationId: a.organization.id };
    expect((await folderIds(guest)).sort()).toEqual([shared.id, inner.id].sort());
    const orgs = await call(t.app, b.session, { method: 'GET', url: '/api/v1/organizations' });
    expect(orgs.json().items).toContainEqual(expect.objectContaining({ id: a.organization.id, guest: true }));
    const members = await call(t.app, guest, { method: 'GET', url: '/api/v1/members' });
    expect(members.statusCode).toBe(403);
    expect(members.body).not.toContain(a.owner.email);
    // The guest may read bindings only where they may read role_binding: their own subtree.
    const bindings = await call(t.app, guest, { method: 'GET', url: '/api/v1/role-bindings' });
    expect(bindings.json().items.map((x: { id: string }) => x.id)).toEqual([binding.id]);
  });

  it('refuses privilege escalation (403) and grants within the caller’s own power', async () => {
    const { organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const target = await bareMember(organization.id);
    const toOwner = await post(manager.session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'owner'),
      userId: target.user.id,
    });
    expect(toOwner.statusCode).toBe(403);
    expect(toOwner.json().detail).toContain('*');
    expect(toOwner.json().code).toBe('permissions_not_held');
    const toContributor = await post(manager.session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'contributor'),
      userId: target.user.id,
    });
    expect(toContributor.statusCode, toContributor.body).toBe(201);
    expect(toContributor.json().abilities).toEqual({ delete: true });

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const readerGrant = await post(reader.session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'reader'),
      userId: target.user.id,
    });
    expect(readerGrant.statusCode).toBe(403);
    const ownerBinding = (
      await call(t.app, manager.session, {
        method: 'GET',
        url: `/api/v1/role-bindings?roleId=${await builtinRoleId(t.database, 'owner')}`,
      })
    ).json().items[0];
    expect(ownerBinding.abilities).toEqual({ delete: false });
    const revokeOwner = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `/api/v1/role-bindings/${ownerBinding.id}`,
    });
    expect(revokeOwner.statusCode).toBe(403);
  });

  it('protects the last owner binding on the root (409)', async () => {
    const { session, owner, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const list = await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?userId=${owner.id}` });
    const [own] = list.json().items;
    expect(own).toMatchObject({ system: true, roleKey: 'owner', folderId: rootFolderId });
    const last = await call(t.app, session, { method: 'DELETE', url: `/api/v1/role-bindings/${own.id}` });
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toContain('without an owner');

    const second = await bareMember(organization.id);
    await grant(t.app, session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'owner'),
      userId: second.user.id,
    });
    const now = await call(t.app, session, { method: 'DELETE', url: `/api/v1/role-bindings/${own.id}` });
    expect(now.statusCode).toBe(204);
  });

  it('400 for malformed bodies and filters', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const roleId = await builtinRoleId(t.database, 'reader');
    const both = await post(session, { folderId: rootFolderId, roleId, userId: randomUUID(), groupId: randomUUID() });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ field: 'body.userId' })]);
    expect((await post(session, { folderId: rootFolderId, roleId })).statusCode).toBe(400);
    expect((await post(session, { folderId: 'x', roleId, userId: randomUUID() })).statusCode).toBe(400);
    expect((await post(session, { folderId: rootFolderId, roleId, userId: randomUUID(), x: 1 })).statusCode).toBe(400);
    const badFilter = await call(t.app, session, { method: 'GET', url: '/api/v1/role-bindings?folderId=nope' });
    expect(badFilter.statusCode).toBe(400);
    const badCursor = await call(t.app, session, { method: 'GET', url: '/api/v1/role-bindings?cursor=zzz' });
    expect(badCursor.statusCode).toBe(400);
    const badId = await call(t.app, session, { method: 'DELETE', url: '/api/v1/role-bindings/nope' });
    expect(badId.statusCode).toBe(400);
  });

  it('404 for another organisation’s folder, group, role or binding, and for unknown users; 409 for duplicates', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const reader = await builtinRoleId(t.database, 'reader');
    const bRole = (
      await call(t.app, b.session, { method: 'POST', url: '/api/v1/roles', payload: { name: 'B', permissions: [] } })
    ).json();
    const bGroup = (
      await call(t.app, b.session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'B team' } })
    ).json();
    const cases = [
      { folderId: b.rootFolderId, roleId: reader, userId: a.owner.id },
      { folderId: a.rootFolderId, roleId: bRole.id, userId: a.owner.id },
      { folderId: a.rootFolderId, roleId: reader, groupId: bGroup.id },
      { folderId: a.rootFolderId, roleId: reader, userId: randomUUID() },
    ];
    for (const body of cases) expect((await post(a.session, body)).statusCode, JSON.stringify(body)).toBe(404);
    const [bOwnerBinding] = (await call(t.app, b.session, { method: 'GET', url: '/api/v1/role-bindings' })).json()
      .items;
    const foreign = await call(t.app, a.session, {
      method: 'DELETE',
      url: `/api/v1/role-bindings/${bOwnerBinding.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const viaHeader = await call(t.app, a.session, {
      method: 'GET',
      url: '/api/v1/role-bindings',
      organizationId: b.organization.id,
    });
    expect(viaHeader.statusCode).toBe(404);

    const member = await bareMember(a.organization.id);
    await grant(t.app, a.session, { folderId: a.rootFolderId, roleId: reader, userId: member.user.id });
    const again = await post(a.session, { folderId: a.rootFolderId, roleId: reader, userId: member.user.id });
    expect(again.statusCode).toBe(409);
  });

  it('lists only bindings in the caller’s scope, filters and paginates', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const branch = await createFolder(t.app, session, rootFolderId, 'Branch');
    const reader = await builtinRoleId(t.database, 'reader');
    const manager = await bareMember(organization.id);
    await grant(t.app, session, {
      folderId: branch.id,
      roleId: await builtinRoleId(t.database, 'manager'),
      userId: manager.user.id,
    });
    for (let i = 0; i < 3; i++) {
      const member = await bareMember(organization.id);
      await grant(t.app, session, { folderId: branch.id, roleId: reader, userId: member.user.id });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/role-bindings?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(t.app, manager.session, { method: 'GET', url });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((x: { folderId: string }) => x.folderId));
      cursor = page.json().nextCursor;
    } while (cursor);
    // The owner's binding on the root is outside a branch manager's scope.
    expect(seen).toEqual([branch.id, branch.id, branch.id, branch.id]);
    const byRole = await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?roleId=${reader}` });
    expect(byRole.json().items).toHaveLength(3);
    const onRoot = await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?folderId=${rootFolderId}` });
    expect(onRoot.json().items).toHaveLength(1);
  });

  it('deleting a folder with bindings removes them with it', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const doomed = await createFolder(t.app, session, rootFolderId, 'Temporary');
    const member = await bareMember(organization.id);
    await grant(t.app, session, {
      folderId: doomed.id,
      roleId: await builtinRoleId(t.database, 'reader'),
      userId: member.user.id,
    });
    const removed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${doomed.id}?version=1` });
    expect(removed.statusCode, removed.body).toBe(204);
    const left = await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?userId=${member.user.id}` });
    expect(left.json().items).toEqual([]);
  });
});

describe('role bindings under concurrency', () => {
  it('two identical grants racing: one is created, the other answers 409', async () => {
    const { organization, session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const member = await bareMember(organization.id);
    const roleId = await builtinRoleId(t.database, 'reader');
    const payload = { folderId: rootFolderId, roleId, userId: member.user.id };
    const responses = await Promise.all([post(session, payload), post(session, payload), post(session, payload)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const list = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/role-bindings?userId=${member.user.id}`,
    });
    expect(list.json().items).toHaveLength(1);
  });
});
