import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEvents, outboxEmails, roles, users } from '../../schema.js';
import { call, createTestApp, type Session, sessionCookieOf } from '../../test/app.js';
import {
  createFolder,
  createOrgWithOwner,
  createUser,
  signIn,
  TEST_PASSWORD,
  userWithRole,
} from '../../test/factories.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { PUBLIC_URL: 'https://grc.example.test' } });
});
afterAll(() => t.close());

const NEW_PASSWORD = 'a long enough passphrase';
let counter = 0;
const freshEmail = () => `invitee-${Date.now()}-${++counter}@example.test`;
const roleId = async (key: string) => {
  const [role] = await t.database.db.select().from(roles).where(eq(roles.builtinKey, key));
  if (!role) throw new Error(key);
  return role.id;
};

async function invite(session: Session, email: string, folderId: string, role = 'reader') {
  const response = await call(t.app, session, {
    method: 'POST',
    url: '/api/v1/invitations',
    payload: { email, roleId: await roleId(role), folderId },
  });
  expect(response.statusCode, response.body).toBe(201);
  const [mail] = await t.database.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, email))
    .orderBy(desc(outboxEmails.createdAt));
  const match = /https:\/\/grc\.example\.test\/accept-invitation\?token=([\w%-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no invitation link in ${mail?.text}`);
  return { invitation: response.json() as { id: string; status: string }, token: decodeURIComponent(match[1]) };
}
const accept = (payload: Record<string, string>, session?: Session) =>
  session
    ? call(t.app, session, { method: 'POST', url: '/api/v1/invitations/accept', payload, organizationId: null })
    : t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload });
const lookup = (token: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/invitations/lookup?token=${encodeURIComponent(token)}` });

describe('invitations', () => {
  it('401 without credentials on the organisation endpoints; 404 for an unknown token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations' })).statusCode).toBe(401);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: freshEmail(), roleId: await roleId('reader'), folderId: crypto.randomUUID() },
    });
    expect(post.statusCode).toBe(401);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/invitations/${crypto.randomUUID()}` });
    expect(del.statusCode).toBe(401);
    expect((await lookup('made-up-token')).statusCode).toBe(404);
    expect((await accept({ token: 'made-up-token', password: NEW_PASSWORD })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations/lookup' })).statusCode).toBe(400);
  });

  it('a new user accepts: account, membership and role in one step, signed in, token spent', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const email = freshEmail();
    const { invitation, token } = await invite(session, email, rootFolderId);
    expect(invitation).toMatchObject({ status: 'pending', abilities: { revoke: true } });

    const seen = await lookup(token);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ organizationName: organization.name, email, accountExists: false });

    const noPassword = await accept({ token });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors[0].field).toBe('body.password');
    const weak = await accept({ token, password: 'short' });
    expect(weak.statusCode).toBe(400);

    const accepted = await accept({ token, password: NEW_PASSWORD, displayName: 'New Person' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({
      status: 'signed_in',
      csrfToken: expect.any(String),
      organizationId: organization.id,
    });
    const newSession = { cookie: sessionCookieOf(accepted), csrfToken: accepted.json().csrfToken };
    const me = await call(t.app, newSession, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json()).toMatchObject({
      user: { email, displayName: 'New Person' },
      currentOrganizationId: organization.id,
    });
    const folders = await call(t.app, newSession, { method: 'GET', url: '/api/v1/folders' });
    expect(folders.statusCode).toBe(200);

    expect((await accept({ token, password: NEW_PASSWORD })).statusCode).toBe(410);
    expect((await lookup(token)).json().code).toBe('gone');
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/invitations?status=accepted' });
    expect(list.json().items).toEqual([expect.objectContaining({ id: invitation.id, status: 'accepted' })]);
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organization.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted']));
  });

  it('an existing user must be signed in as the invited e-mail or give its password', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const existing = await createUser(t.database);
    const { token } = await invite(session, existing.email, rootFolderId, 'contributor');
    expect((await lookup(token)).json().accountExists).toBe(true);

    expect((await accept({ token })).statusCode).toBe(401);
    expect((await accept({ token, password: 'not the password' })).statusCode).toBe(401);
    const stranger = await signIn(t.app, (await createUser(t.database)).email);
    const wrongAccount = await accept({ token }, stranger);
    expect(wrongAccount.statusCode).toBe(403);

    const own = await signIn(t.app, existing.email);
    const accepted = await accept({ token }, own);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'signed_in', csrfToken: own.csrfToken });
    const folders = await call(t.app, own, { method: 'GET', url: '/api/v1/folders', organizationId: organization.id });
    expect(folders.statusCode).toBe(200);
  });

  it('accepting with the password of a TOTP account still asks for the code', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const existing = await createUser(t.database);
    await t.database.db
      .update(users)
      .set({ totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXP' })
      .where(eq(users.id, existing.id));
    const { token } = await invite(session, existing.email, rootFolderId);
    const accepted = await accept({ token, password: TEST_PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'totp_required', csrfToken: null });
    const pending = sessionCookieOf(accepted);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pending } })).statusCode,
    ).toBe(401);
  });

  it('refuses privilege escalation (403) and invisible or foreign folders and roles (404)', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const escalate = await call(t.app, manager.session, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: freshEmail(), roleId: await roleId('owner'), folderId: rootFolderId },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe('permissions_not_held');
    // A manager can hand out roles within their own rights.
    await invite(manager.session, freshEmail(), rootFolderId, 'contributor');

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const noRight = await call(t.app, reader.session, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: freshEmail(), roleId: await roleId('reader'), folderId: rootFolderId },
    });
    expect(noRight.statusCode).toBe(403);

    const foreignFolder = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: freshEmail(), roleId: await roleId('reader'), folderId: other.rootFolderId },
    });
    expect(foreignFolder.statusCode).toBe(404);
    const unknownRole = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: freshEmail(), roleId: crypto.randomUUID(), folderId: rootFolderId },
    });
    expect(unknownRole.statusCode).toBe(404);
    const badEmail = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: 'not-an-email', roleId: await roleId('reader'), folderId: rootFolderId },
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].field).toBe('body.email');
  });

  it('lists only invitations in folders the caller may read', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const child = await createFolder(t.app, session, rootFolderId, 'Subsidiary');
    await invite(session, freshEmail(), rootFolderId);
    const inChild = await invite(session, freshEmail(), child.id);
    const scoped = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: child.id,
      role: 'reader',
    });
    const list = await call(t.app, scoped.session, { method: 'GET', url: '/api/v1/invitations' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: inChild.invitation.id, abilities: { revoke: false } }),
    ]);
    const page = await call(t.app, session, { method: 'GET', url: '/api/v1/invitations?limit=1' });
    expect(page.json().items).toHaveLength(1);
    const next = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/invitations?limit=1&cursor=${page.json().nextCursor}`,
    });
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
  });

  it('revokes (link dies, 409 twice, 403 without the right, 404 elsewhere) and expires after 7 days', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const { invitation, token } = await invite(session, freshEmail(), rootFolderId);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const url = `/api/v1/invitations/${invitation.id}`;
    expect((await call(t.app, reader.session, { method: 'DELETE', url })).statusCode).toBe(403);
    expect((await call(t.app, other.session, { method: 'DELETE', url })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'DELETE', url })).statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'DELETE', url })).statusCode).toBe(409);
    expect((await lookup(token)).statusCode).toBe(410);
    expect((await accept({ token, password: NEW_PASSWORD })).statusCode).toBe(410);
    const revoked = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invitation.revoked'), eq(auditEvents.objectId, invitation.id)));
    expect(revoked).toHaveLength(1);

    const later = await invite(session, freshEmail(), rootFolderId);
    clock.advance(7 * 24 * 3_600_000 + 1000);
    expect((await lookup(later.token)).statusCode).toBe(410);
    expect((await accept({ token: later.token, password: NEW_PASSWORD })).statusCode).toBe(410);
    const expired = await call(t.app, session, { method: 'GET', url: '/api/v1/invitations?status=expired' });
    expect(expired.json().items.map((i: { id: string }) => i.id)).toEqual([later.invitation.id]);
  });
});
