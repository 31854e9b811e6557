import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, createUser, userWithRole } from '../../test/factories.js';
import { auditOf, builtinRoleId, expectAllUnauthenticated, grant, memberWithoutRole } from '../access/testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setStatus = (session: Session, userId: string, status: string) =>
  call(t.app, session, { method: 'PATCH', url: `/api/v1/members/${userId}`, payload: { status } });
const remove = (session: Session, userId: string) =>
  call(t.app, session, { method: 'DELETE', url: `/api/v1/members/${userId}` });

describe('members', () => {
  it('401 without credentials on every endpoint', async () => {
    const id = randomUUID();
    await expectAllUnauthenticated(t.app, [
      ['GET', '/members'],
      ['PATCH', `/members/${id}`, { status: 'suspended' }],
      ['DELETE', `/members/${id}`],
    ]);
  });

  it('lists members and guests with their bindings and groups, searchable and paginated', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const shared = await createFolder(t.app, a.session, a.rootFolderId, 'Shared');
    const reader = await builtinRoleId(t.database, 'reader');
    const alice = await memberWithoutRole(t.app, t.database, a.organization.id);
    await grant(t.app, a.session, { folderId: shared.id, roleId: reader, userId: alice.user.id });
    await grant(t.app, a.session, { folderId: shared.id, roleId: reader, userId: b.owner.id });
    const group = (
      await call(t.app, a.session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'Readers' } })
    ).json();
    await call(t.app, a.session, { method: 'PUT', url: `/api/v1/groups/${group.id}/members/${alice.user.id}` });

    const all = await call(t.app, a.session, { method: 'GET', url: '/api/v1/members?sort=email' });
    expect(all.statusCode, all.body).toBe(200);
    const byId = new Map(all.json().items.map((m: { userId: string }) => [m.userId, m]));
    expect(byId.size).toBe(3);
    expect(byId.get(alice.user.id)).toMatchObject({
      email: alice.user.email,
      status: 'active',
      guest: false,
      bindings: [
        expect.objectContaining({ roleName: 'Reader', roleKey: 'reader', folderName: 'Shared', folderId: shared.id }),
      ],
      groups: [{ id: group.id, name: 'Readers' }],
      abilities: { update: true, delete: true },
    });
    expect(byId.get(b.owner.id)).toMatchObject({ guest: true, joinedAt: null, abilities: { update: false } });
    const guests = await call(t.app, a.session, { method: 'GET', url: '/api/v1/members?guest=true' });
    expect(guests.json().items.map((m: { userId: string }) => m.userId)).toEqual([b.owner.id]);
    const found = await call(t.app, a.session, {
      method: 'GET',
      url: `/api/v1/members?q=${encodeURIComponent(alice.user.displayName)}`,
    });
    expect(found.json().items.map((m: { userId: string }) => m.userId)).toEqual([alice.user.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/members?limit=2&sort=-displayName${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(t.app, a.session, { method: 'GET', url });
      seen.push(...page.json().items.map((m: { userId: string }) => m.userId));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...byId.keys()].sort());
  });

  it('400 for bad queries, bodies and ids', async () => {
    const { session, owner } = await createOrgWithOwner(t.app, t.database);
    expect((await call(t.app, session, { method: 'GET', url: '/api/v1/members?sort=password' })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'GET', url: '/api/v1/members?cursor=!!' })).statusCode).toBe(400);
    const badStatus = await setStatus(session, owner.id, 'banned');
    expect(badStatus.json().errors).toEqual([expect.objectContaining({ field: 'body.status' })]);
    expect((await remove(session, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('403 without member permissions on the root; guests do not see the other members', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const branch = await createFolder(t.app, session, rootFolderId, 'Branch');
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: '/api/v1/members' })).statusCode).toBe(200);
    const target = await memberWithoutRole(t.app, t.database, organization.id);
    expect((await setStatus(reader.session, target.user.id, 'suspended')).statusCode).toBe(403);
    expect((await remove(reader.session, target.user.id)).statusCode).toBe(403);

    const branchManager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: branch.id,
      role: 'manager',
    });
    const scoped = await call(t.app, branchManager.session, { method: 'GET', url: '/api/v1/members' });
    expect(scoped.statusCode).toBe(403);
    const guest = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: branch.id,
      role: 'auditor',
      guest: true,
    });
    const peek = await call(t.app, guest.session, { method: 'GET', url: '/api/v1/members' });
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain(target.user.email);

    // A manager may not suspend or remove an owner: that takes away more than they hold.
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const owners = await call(t.app, session, { method: 'GET', url: '/api/v1/members' });
    const ownerId = owners
      .json()
      .items.find((m: { bindings: { roleName: string }[] }) => m.bindings.some((x) => x.roleName === 'Owner')).userId;
    expect((await setStatus(manager.session, ownerId, 'suspended')).statusCode).toBe(403);
    expect((await remove(manager.session, ownerId)).statusCode).toBe(403);
    expect((await setStatus(manager.session, target.user.id, 'suspended')).statusCode).toBe(200);
  });

  it('404 for users outside the organisation and for another organisation', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const stranger = await createUser(t.database);
    expect((await setStatus(a.session, stranger.id, 'suspended')).statusCode).toBe(404);
    expect((await remove(a.session, stranger.id)).statusCode).toBe(404);
    expect((await setStatus(b.session, a.owner.id, 'suspended')).statusCode).toBe(404);
    expect((await remove(b.session, a.owner.id)).statusCode).toBe(404);
    const intoA = await call(t.app, b.session, {
      method: 'GET',
      url: '/api/v1/members',
      organizationId: a.organization.id,
    });
    expect(intoA.statusCode).toBe(404);
  });

  it('a suspended member gets 404 on the organisation until reactivated; guests and the last owner cannot be suspended', async () => {
    const { session, owner, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const member = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    const suspended = await setStatus(session, member.user.id, 'suspended');
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      bindings: [expect.objectContaining({ roleName: 'Contributor' })],
    });
    const locked = await call(t.app, member.session, { method: 'GET', url: '/api/v1/folders' });
    expect(locked.statusCode).toBe(404);
    const org = await call(t.app, member.session, { method: 'GET', url: `/api/v1/organizations/${organization.id}` });
    expect(org.statusCode).toBe(404);

    expect((await setStatus(session, member.user.id, 'active')).statusCode).toBe(200);
    expect((await call(t.app, member.session, { method: 'GET', url: '/api/v1/folders' })).statusCode).toBe(200);
    const [event] = await auditOf(t.database, organization.id, 'member.suspended');
    expect(event?.changes).toEqual({ status: { before: 'active', after: 'suspended' }, email: member.user.email });
    expect(await auditOf(t.database, organization.id, 'member.reactivated')).toHaveLength(1);

    const guest = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
      guest: true,
    });
    expect((await setStatus(session, guest.user.id, 'suspended')).statusCode).toBe(409);
    expect((await setStatus(session, owner.id, 'suspended')).statusCode).toBe(409);
  });

  it('removing a member takes their membership, bindings and groups; the last owner stays (409)', async () => {
    const { session, owner, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const member = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    const group = (
      await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'Team' } })
    ).json();
    await call(t.app, session, { method: 'PUT', url: `/api/v1/groups/${group.id}/members/${member.user.id}` });

    expect((await remove(session, member.user.id)).statusCode).toBe(204);
    const after = await call(t.app, session, { method: 'GET', url: '/api/v1/members' });
    expect(after.json().items.map((m: { userId: string }) => m.userId)).toEqual([owner.id]);
    const groupNow = await call(t.app, session, { method: 'GET', url: `/api/v1/groups/${group.id}` });
    expect(groupNow.json().memberCount).toBe(0);
    expect((await call(t.app, member.session, { method: 'GET', url: '/api/v1/folders' })).statusCode).toBe(404);
    const [event] = await auditOf(t.database, organization.id, 'member.removed');
    expect(event?.changes).toMatchObject({ email: member.user.email, guest: false, bindingsRemoved: 1, groupsLeft: 1 });

    const last = await remove(session, owner.id);
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toContain('without an owner');
  });
});
