import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function createToken(session: Session, payload: Record<string, unknown> = { name: 'CI' }) {
  const response = await call(t.app, session, { method: 'POST', url: '/api/v1/api-tokens', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { token: { id: string; prefix: string }; secret: string };
}
const bearer = (secret: string, url = '/api/v1/folders', method: 'GET' | 'POST' = 'GET', payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(payload ? { payload } : {}) });

describe('API tokens', () => {
  it('401 without credentials; 400 for bad input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', payload: { name: 'x' } })).statusCode).toBe(
      401,
    );
    expect((await bearer('rmp_not-a-real-token')).statusCode).toBe(401);
    const { session } = await createOrgWithOwner(t.app, t.database);
    const blank = await call(t.app, session, { method: 'POST', url: '/api/v1/api-tokens', payload: { name: ' ' } });
    expect(blank.statusCode).toBe(400);
    const past = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/api-tokens',
      payload: { name: 'old', expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('body.expiresAt');
    const badId = await call(t.app, session, { method: 'DELETE', url: '/api/v1/api-tokens/nope' });
    expect(badId.statusCode).toBe(400);
  });

  it('creates a token shown once, works as Bearer (writes audited as token), lists, revokes → 401', async () => {
    const { session, rootFolderId, owner, organization } = await createOrgWithOwner(t.app, t.database);
    const { token, secret } = await createToken(session);
    expect(secret).toMatch(/^rmp_/);
    expect(secret.startsWith(token.prefix)).toBe(true);

    const list = await bearer(secret);
    expect(list.statusCode, list.body).toBe(200);
    const write = await bearer(secret, '/api/v1/folders', 'POST', { parentId: rootFolderId, name: 'Via token' });
    expect(write.statusCode, write.body).toBe(201);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'folder.created'), eq(auditEvents.objectId, write.json().id)));
    expect(event).toMatchObject({ actorType: 'token', actorTokenId: token.id, actorUserId: owner.id });

    // Tokens cannot mint tokens.
    const minted = await bearer(secret, '/api/v1/api-tokens', 'POST', { name: 'child' });
    expect(minted.statusCode).toBe(403);
    // Nor manage the account's security.
    for (const url of ['/api/v1/auth/totp/enroll', '/api/v1/auth/logout-everywhere']) {
      expect((await bearer(secret, url, 'POST')).statusCode, url).toBe(403);
    }

    const mine = await call(t.app, session, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: token.id,
        status: 'active',
        lastUsedAt: expect.any(String),
        abilities: { revoke: true },
      }),
    ]);
    expect(JSON.stringify(mine.json())).not.toContain(secret);

    const revoked = await call(t.app, session, { method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` });
    expect(revoked.statusCode).toBe(204);
    expect((await bearer(secret)).statusCode).toBe(401);
    const after = await call(t.app, session, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(after.json().items[0]).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const audited = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organization.id), eq(auditEvents.objectId, token.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('an expired token answers 401', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const expiresAt = new Date(clock.now().getTime() + 60 * 60_000).toISOString();
    const { secret } = await createToken(session, { name: 'short', expiresAt });
    expect((await bearer(secret)).statusCode).toBe(200);
    clock.advance(61 * 60_000);
    expect((await bearer(secret)).statusCode).toBe(401);
  });

  it('is bound to its organisation: other organisations’ tokens are 404, another org header is refused', async () => {
    const a = await createOrgWithOwner(t.app, t.database);
    const b = await createOrgWithOwner(t.app, t.database);
    const { token, secret } = await createToken(a.session);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/folders',
      headers: { authorization: `Bearer ${secret}`, 'x-organization-id': b.organization.id },
    });
    expect(elsewhere.statusCode).toBe(404);
    const foreign = await call(t.app, b.session, { method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` });
    expect(foreign.statusCode).toBe(404);
    const listed = await call(t.app, b.session, { method: 'GET', url: '/api/v1/api-tokens?all=true' });
    expect(listed.json().items).toEqual([]);
  });

  it('owners list and revoke every token of the organisation; others see only their own', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'manager',
    });
    const { token } = await createToken(manager.session, { name: 'manager token' });
    await createToken(session, { name: 'owner token' });

    const all = await call(t.app, session, { method: 'GET', url: '/api/v1/api-tokens?all=true' });
    expect(
      all
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['manager token', 'owner token']);
    const denied = await call(t.app, manager.session, { method: 'GET', url: '/api/v1/api-tokens?all=true' });
    expect(denied.statusCode).toBe(403);
    const own = await call(t.app, manager.session, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(own.json().items.map((i: { name: string }) => i.name)).toEqual(['manager token']);
    const ownerToken = all.json().items.find((i: { name: string }) => i.name === 'owner token');
    const notTheirs = await call(t.app, manager.session, {
      method: 'DELETE',
      url: `/api/v1/api-tokens/${ownerToken.id}`,
    });
    expect(notTheirs.statusCode).toBe(404);
    const byOwner = await call(t.app, session, { method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` });
    expect(byOwner.statusCode).toBe(204);
  });

  it('stops at the organisation’s two-factor requirement like a session does', async () => {
    const { session, organization } = await createOrgWithOwner(t.app, t.database);
    const { secret } = await createToken(session);
    const required = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/organizations/${organization.id}`,
      payload: { requireTotp: true, version: 1 },
    });
    expect(required.statusCode).toBe(200);
    const refused = await bearer(secret);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('totp_enrollment_required');
  });
});
