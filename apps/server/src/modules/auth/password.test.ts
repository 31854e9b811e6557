import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEvents, outboxEmails } from '../../schema.js';
import { call, createTestApp } from '../../test/app.js';
import { createUser, signIn, TEST_PASSWORD } from '../../test/factories.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock, env: { PUBLIC_URL: 'https://grc.example.test' } });
});
afterAll(() => t.close());

const NEW_PASSWORD = 'a much longer new passphrase';
const me = (session: { cookie: string; csrfToken: string }) =>
  call(t.app, session, { method: 'GET', url: '/api/v1/auth/me' });
const loginStatus = async (email: string, password: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).statusCode;

async function resetTokenFor(email: string): Promise<string> {
  const [mail] = await t.database.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, email))
    .orderBy(desc(outboxEmails.createdAt));
  const match = /https:\/\/grc\.example\.test\/reset-password\?token=([\w%-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no reset link in ${mail?.text}`);
  return decodeURIComponent(match[1]);
}

describe('password change', () => {
  it('401 without a session; 400 for a wrong current password or a weak new one', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'x', newPassword: 'y' },
    });
    expect(anonymous.statusCode).toBe(401);
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const wrong = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not it at all', newPassword: NEW_PASSWORD },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.currentPassword');
    const weak = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'body.newPassword', message: 'Use at least 12 characters' });
    const extra = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, admin: true },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const other = await signIn(t.app, user.email);
    const changed = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(session)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect(await loginStatus(user.email, TEST_PASSWORD)).toBe(401);
    expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);
  });
});

describe('logout everywhere', () => {
  it('ends every session of the user, this one included', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere' })).statusCode).toBe(401);
    const user = await createUser(t.database);
    const a = await signIn(t.app, user.email);
    const b = await signIn(t.app, user.email);
    const bystander = await signIn(t.app, (await createUser(t.database)).email);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      headers: { cookie: a.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    const done = await call(t.app, a, { method: 'POST', url: '/api/v1/auth/logout-everywhere' });
    expect(done.statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(bystander)).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('always answers 202 and mails only existing accounts', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'nobody-here@example.test' },
    });
    expect(unknown.statusCode).toBe(202);
    const none = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, 'nobody-here@example.test'));
    expect(none).toHaveLength(0);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: {} });
    expect(bad.statusCode).toBe(400);
  });

  it('resets with the e-mailed token once, ends all sessions, and refuses the token again (410)', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: user.email.toUpperCase() },
    });
    expect(requested.statusCode).toBe(202);
    const token = await resetTokenFor(user.email);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'aaaaaaaaaaaaaa' },
    });
    expect(weak.statusCode).toBe(400);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: NEW_PASSWORD },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
    expect(await loginStatus(user.email, NEW_PASSWORD)).toBe(200);

    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'yet another passphrase' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('gone');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: 'made-up', newPassword: NEW_PASSWORD },
    });
    expect(unknown.statusCode).toBe(410);
    const audited = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, user.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    );
  });

  it('a link expires after one hour', async () => {
    const user = await createUser(t.database);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
    const token = await resetTokenFor(user.email);
    clock.advance(61 * 60_000);
    const expired = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: NEW_PASSWORD },
    });
    expect(expired.statusCode).toBe(410);
  });
});
