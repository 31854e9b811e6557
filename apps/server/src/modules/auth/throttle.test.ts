import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { auditEvents } from '../../schema.js';
import { createTestApp } from '../../test/app.js';
import { createUser, TEST_PASSWORD } from '../../test/factories.js';

const clock = new ManualClock();
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

let ipCounter = 0;
/** Each test signs in from its own address so the per-IP counter of one test does not leak into another. */
const newIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('login throttling', () => {
  it('locks an account after 5 failures in 15 minutes, answers 429 with Retry-After, unlocks after 15 minutes', async () => {
    const user = await createUser(t.database);
    const ip = newIp();
    for (let i = 0; i < 5; i++) {
      expect((await login(user.email, 'wrong password!', ip)).statusCode).toBe(401);
    }
    const locked = await login(user.email, TEST_PASSWORD, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.json().code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // Another address does not help: the lock is on the account.
    expect((await login(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(429);

    const lockouts = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.locked_out'), eq(auditEvents.objectId, user.id)));
    expect(lockouts).toHaveLength(1);

    clock.advance(10 * 60_000);
    const later = await login(user.email, TEST_PASSWORD, ip);
    expect(later.statusCode).toBe(429);
    expect(Number(later.headers['retry-after'])).toBe(5 * 60);
    clock.advance(5 * 60_000 + 1000);
    expect((await login(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('failures spread over more than 15 minutes do not lock; a success resets the account counter', async () => {
    const user = await createUser(t.database);
    const ip = newIp();
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password!', ip)).statusCode).toBe(401);
    clock.advance(16 * 60_000);
    // The window has passed: the count starts again, 4 more failures stay under the limit.
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password!', ip)).statusCode).toBe(401);
    expect((await login(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    // The success reset the counter: 4 more failures still do not lock.
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password!', ip)).statusCode).toBe(401);
    expect((await login(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('locks an address after 20 failures across accounts, unknown accounts included', async () => {
    const ip = newIp();
    for (let i = 0; i < 20; i++) {
      expect((await login(`nobody-${i}-${ip}@example.test`, 'wrong password!', ip)).statusCode).toBe(401);
    }
    const user = await createUser(t.database);
    const blocked = await login(user.email, TEST_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await login(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect((await login(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('400 on a malformed body, counted nowhere', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.password');
  });
});

describe('housekeeping', () => {
  it('prunes closed failure windows and expired sessions, keeps live locks and open windows', async () => {
    const { pruneAuthState } = await import('./housekeeping.js');
    const { loginThrottle, sessions } = await import('./tables.js');
    const user = await createUser(t.database);
    const stale = newIp();
    const live = newIp();
    const lockedKey = `account:pruning-${Date.now()}@example.test`;
    expect((await login(user.email, 'wrong password!', stale)).statusCode).toBe(401);
    clock.advance(20 * 60_000);
    expect((await login(user.email, 'wrong password!', live)).statusCode).toBe(401);
    await t.database.db.insert(loginThrottle).values({
      key: lockedKey,
      failures: 5,
      windowStartedAt: new Date(clock.now().getTime() - 60 * 60_000),
      lockedUntil: new Date(clock.now().getTime() + 10 * 60_000),
    });
    const signedIn = await login(user.email, TEST_PASSWORD, newIp());
    expect(signedIn.statusCode).toBe(200);
    const mine = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(mine).toHaveLength(1);

    await pruneAuthState(t.database.db, clock.now());
    const keys = (await t.database.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys).not.toContain(`ip:${stale}`);
    expect(keys).toContain(`ip:${live}`);
    expect(keys).toContain(lockedKey);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    const expiry = mine[0]?.expiresAt ?? clock.now();
    await pruneAuthState(t.database.db, new Date(expiry.getTime() + 1000));
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const after = (await t.database.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(after).not.toContain(lockedKey);
  });
});
