import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../../test/app.js';
import { createOrgWithOwner, createUser, userWithRole } from '../../../test/factories.js';
import { auditOf, builtinRoleId, expectAllUnauthenticated, grant, memberWithoutRole } from '../testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const createGroup = async (session: Session, name: string) => {
  const response = await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
};
const join = (session: Session, groupId: string, userId: string) =>
  call(t.app, session, { method: 'PUT', url: `/api/v1/groups/${groupId}/members/${userId}` });
const leave = (session: Session, groupId: string, userId: string) =>
  call(t.app, session, { method: 'DELETE', url: `/api/v1/groups/${groupId}/members/${userId}` });

describe('groups', () => {
  it('401 without credentials on every endpoint', async () => {
    const id = randomUUID();
    await expectAllUnauthenticated(t.app, [
      ['GET', '/groups'],
      ['GET', `/groups/${id}`],
      ['POST', '/groups', { name: 'x' }],
      ['PATCH', `/groups/${id}`, { name: 'x', version: 1 }],
      ['DELETE', `/groups/${id}?version=1`],
      ['GET', `/groups/${id}/members`],
      ['PUT', `/groups/${id}/members/${id}`],
      ['DELETE', `/groups/${id}/members/${id}`],
    ]);
  });

  it('creates, renames, lists, fills and deletes a group, auditing each step', async () => {
    const { session, organization } = await createOrgWithOwner(t.app, t.database);
    const group = await createGroup(session, 'Auditors');
    await createGroup(session, 'Board');
    const alice = await memberWithoutRole(t.app, t.database, organization.id);
    expect((await join(session, group.id, alice.user.id)).statusCode).toBe(204);
    expect((await join(session, group.id, alice.user.id)).statusCode).toBe(204);

    const renamed = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/groups/${group.id}`,
      payload: { name: 'Internal audit', version: 1 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Internal audit', version: 2, memberCount: 1 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/groups/${group.id}`,
      payload: { name: 'Lost', version: 1 },
    });
    expect(stale.statusCode).toBe(409);

    const page = await call(t.app, session, { method: 'GET', url: '/api/v1/groups?limit=1' });
    expect(page.json().items.map((g: { name: string }) => g.name)).toEqual(['Board']);
    const next = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/groups?limit=1&cursor=${page.json().nextCursor}`,
    });
    expect(next.json().items.map((g: { name: string }) => g.name)).toEqual(['Internal audit']);
    const searched = await call(t.app, session, { method: 'GET', url: '/api/v1/groups?q=intern' });
    expect(searched.json().items).toHaveLength(1);

    const members = await call(t.app, session, { method: 'GET', url: `/api/v1/groups/${group.id}/members` });
    expect(members.json()).toEqual({
      items: [{ userId: alice.user.id, email: alice.user.email, displayName: alice.user.displayName, guest: false }],
      nextCursor: null,
    });
    expect((await leave(session, group.id, alice.user.id)).statusCode).toBe(204);
    const removed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/groups/${group.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `/api/v1/groups/${group.id}` })).statusCode).toBe(404);

    for (const action of ['group.created', 'group.updated', 'group.member_added', 'group.member_removed']) {
      expect((await auditOf(t.database, organization.id, action)).length, action).toBeGreaterThan(0);
    }
    const [deleted] = await auditOf(t.database, organization.id, 'group.deleted');
    expect(deleted?.changes).toEqual({ name: { before: 'Internal audit' }, memberCount: { before: 0 } });
  });

  it('400 for bad bodies and ids; 409 for a duplicate name', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const blank = await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name: '' } });
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const extra = await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'a', x: 1 } });
    expect(extra.statusCode).toBe(400);
    const badUser = await call(t.app, session, { method: 'PUT', url: `/api/v1/groups/${randomUUID()}/members/nope` });
    expect(badUser.statusCode).toBe(400);
    await createGroup(session, 'Risk');
    const dup = await call(t.app, session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'RISK' } });
    expect(dup.statusCode).toBe(409);
  });

  it('403 for readers, and for joining a group that grants more than the caller holds', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const group = await createGroup(session, 'Admins');
    expect((await call(t.app, reader.session, { method: 'GET', url: '/api/v1/groups' })).statusCode).toBe(200);
    const create = await call(t.app, reader.session, { method: 'POST', url: '/api/v1/groups', payload: { name: 'x' } });
    expect(create.statusCode).toBe(403);
    expect((await join(reader.session, group.id, reader.user.id)).statusCode).toBe(403);

    await grant(t.app, session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'owner'),
      groupId: group.id,
    });
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const selfPromotion = await join(manager.session, group.id, manager.user.id);
    expect(selfPromotion.statusCode).toBe(403);
    const deleteAdmins = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `/api/v1/groups/${group.id}?version=1`,
    });
    expect(deleteAdmins.statusCode).toBe(403);
  });

  it('404 for another organisation’s group and for users who are neither members nor guests', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const group = await createGroup(a.session, 'Team');
    for (const [method, url] of [
      ['GET', `/api/v1/groups/${group.id}`],
      ['GET', `/api/v1/groups/${group.id}/members`],
      ['DELETE', `/api/v1/groups/${group.id}?version=1`],
      ['PUT', `/api/v1/groups/${group.id}/members/${b.owner.id}`],
      ['DELETE', `/api/v1/groups/${group.id}/members/${b.owner.id}`],
    ] as const) {
      expect((await call(t.app, b.session, { method, url })).statusCode, `${method} ${url}`).toBe(404);
    }
    const patch = await call(t.app, b.session, {
      method: 'PATCH',
      url: `/api/v1/groups/${group.id}`,
      payload: { name: 'x', version: 1 },
    });
    expect(patch.statusCode).toBe(404);

    const stranger = await createUser(t.database);
    expect((await join(a.session, group.id, stranger.id)).statusCode).toBe(404);
    // Once bound (a guest), the same user may join.
    await grant(t.app, a.session, {
      folderId: a.rootFolderId,
      roleId: await builtinRoleId(t.database, 'reader'),
      userId: stranger.id,
    });
    expect((await join(a.session, group.id, stranger.id)).statusCode).toBe(204);
    const members = await call(t.app, a.session, { method: 'GET', url: `/api/v1/groups/${group.id}/members` });
    expect(members.json().items).toEqual([expect.objectContaining({ userId: stranger.id, guest: true })]);
  });

  it('keeps an owner: the last owner cannot leave an owner group nor the group be deleted (409)', async () => {
    const { session, owner, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const group = await createGroup(session, 'Owners');
    await grant(t.app, session, {
      folderId: rootFolderId,
      roleId: await builtinRoleId(t.database, 'owner'),
      groupId: group.id,
    });
    const heir = await memberWithoutRole(t.app, t.database, organization.id);
    expect((await join(session, group.id, heir.user.id)).statusCode).toBe(204);
    const direct = (
      await call(t.app, session, { method: 'GET', url: `/api/v1/role-bindings?userId=${owner.id}` })
    ).json().items[0];
    expect(
      (await call(t.app, session, { method: 'DELETE', url: `/api/v1/role-bindings/${direct.id}` })).statusCode,
    ).toBe(204);

    expect((await leave(heir.session, group.id, heir.user.id)).statusCode).toBe(409);
    const drop = await call(t.app, heir.session, { method: 'DELETE', url: `/api/v1/groups/${group.id}?version=1` });
    expect(drop.statusCode).toBe(409);
  });
});
