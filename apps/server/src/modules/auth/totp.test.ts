import { and, eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session, sessionCookieOf } from '../../test/app.js';
import { createOrgWithOwner, createUser, signIn, TEST_PASSWORD, userWithRole } from '../../test/factories.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const codeAt = (secret: string) => authenticator.clone({ epoch: clock.now().getTime() }).generate(secret);
/** Moves to the next 30-second step, so a fresh code is not a replay of the previous one. */
const nextStep = () => clock.advance(30_000);

async function enrolAndConfirm(session: Session) {
  const enrolled = await call(t.app, session, { method: 'POST', url: '/api/v1/auth/totp/enroll' });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  const { secret, otpauthUri, qrCodeDataUrl } = enrolled.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Rampart:.+secret=/);
  expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  const confirmed = await call(t.app, session, {
    method: 'POST',
    url: '/api/v1/auth/totp/confirm',
    payload: { code: codeAt(secret) },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  nextStep();
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** Password step of a TOTP account: the pending session cookie. */
async function passwordStep(email: string, ip = '127.0.0.1') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
    remoteAddress: ip,
  });
  expect(response.json()).toEqual({ status: 'totp_required', csrfToken: null });
  return sessionCookieOf(response);
}

const verify = (cookie: string, payload: Record<string, string>, ip = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/verify-login',
    headers: { cookie },
    payload,
    remoteAddress: ip,
  });

describe('TOTP', () => {
  it('401 without a session; 400 on a malformed code', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll' })).statusCode).toBe(401);
    expect((await verify('rampart_session=nope', { code: '123456' })).statusCode).toBe(401);
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const bad = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: '12' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.code');
  });

  it('enrol → confirm → sign in with a code; the code cannot be replayed; a recovery code works once', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const wrongFirst = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: '000000' },
    });
    expect(wrongFirst.statusCode).toBe(409); // nothing enrolled yet
    const { secret, recoveryCodes } = await enrolAndConfirm(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const me = await call(t.app, session, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.totpEnabled).toBe(true);
    const again = await call(t.app, session, { method: 'POST', url: '/api/v1/auth/totp/enroll' });
    expect(again.statusCode).toBe(409);

    const pending = await passwordStep(user.email);
    // The pending session is signed out for everything but the TOTP step.
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pending } });
    expect(blocked.statusCode).toBe(401);
    const code = codeAt(secret);
    const ok = await verify(pending, { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ status: 'signed_in', csrfToken: expect.any(String) });
    const full = { cookie: sessionCookieOf(ok), csrfToken: ok.json().csrfToken };
    expect(full.cookie).not.toBe(pending);
    expect((await call(t.app, full, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    // The old pending cookie died with the promotion.
    expect((await verify(pending, { code })).statusCode).toBe(401);

    // Same code, same window, new sign-in: refused as a replay.
    const replay = await verify(await passwordStep(user.email), { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().errors[0].field).toBe('body.code');

    const withRecovery = await verify(await passwordStep(user.email), { recoveryCode: recoveryCodes[0] as string });
    expect(withRecovery.statusCode, withRecovery.body).toBe(200);
    const reused = await verify(await passwordStep(user.email), { recoveryCode: recoveryCodes[0] as string });
    expect(reused.statusCode).toBe(401);
    // Typed without the dash and in capitals it is still the same (unused) code.
    const typed = (recoveryCodes[1] as string).replace('-', '').toUpperCase();
    expect((await verify(await passwordStep(user.email), { recoveryCode: typed })).statusCode).toBe(200);
  });

  it('wrong codes count toward the sign-in throttle', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const { secret } = await enrolAndConfirm(session);
    const ip = '10.9.9.9';
    const pending = await passwordStep(user.email, ip);
    for (let i = 0; i < 5; i++) expect((await verify(pending, { code: '000000' }, ip)).statusCode).toBe(401);
    const locked = await verify(pending, { code: codeAt(secret) }, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    const lockouts = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.locked_out'), eq(auditEvents.objectId, user.id)));
    expect(lockouts).toHaveLength(1);
    clock.advance(16 * 60_000);
  });

  it('regenerates recovery codes (old ones stop working) and disables with password and code', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const { secret, recoveryCodes } = await enrolAndConfirm(session);
    const regenerated = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { code: codeAt(secret) },
    });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    nextStep();
    expect(
      (await verify(await passwordStep(user.email), { recoveryCode: recoveryCodes[0] as string })).statusCode,
    ).toBe(401);
    const fresh = regenerated.json().recoveryCodes[0] as string;
    expect((await verify(await passwordStep(user.email), { recoveryCode: fresh })).statusCode).toBe(200);

    const wrongPassword = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { password: 'not the password', code: codeAt(secret) },
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().errors[0].field).toBe('body.password');
    const disabled = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      payload: { password: TEST_PASSWORD, code: codeAt(secret) },
    });
    expect(disabled.statusCode, disabled.body).toBe(204);
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(plain.json().status).toBe('signed_in');
    const actions = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, user.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'auth.totp_enrolment_started',
        'auth.totp_enabled',
        'auth.recovery_codes_regenerated',
        'auth.totp_disabled',
      ]),
    );
  });

  it('an organisation that requires TOTP refuses members without it (403) until they enrol', async () => {
    const { organization, rootFolderId, session: ownerSession } = await createOrgWithOwner(t.app, t.database);
    const member = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const required = await call(t.app, ownerSession, {
      method: 'PATCH',
      url: `/api/v1/organizations/${organization.id}`,
      payload: { requireTotp: true, version: 1 },
    });
    expect(required.statusCode, required.body).toBe(200);

    const refused = await call(t.app, member.session, { method: 'GET', url: '/api/v1/folders' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('totp_enrollment_required');
    expect((await call(t.app, member.session, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);

    await enrolAndConfirm(member.session);
    expect((await call(t.app, member.session, { method: 'GET', url: '/api/v1/folders' })).statusCode).toBe(200);
  });
});
