import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp } from '../../test/app.js';
import { createUser, signIn } from '../../test/factories.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('profile', () => {
  it('401 without credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users/me' })).statusCode).toBe(401);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      payload: { locale: 'fr', version: 1 },
    });
    expect(patch.statusCode).toBe(401);
  });

  it('reads and updates the own profile with the version, audited', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    const me = await call(t.app, session, { method: 'GET', url: '/api/v1/users/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, email: user.email, locale: 'en', totpEnabled: false, version: 1 });
    expect(me.json()).not.toHaveProperty('passwordHash');
    expect(me.json()).not.toHaveProperty('totpSecret');

    const updated = await call(t.app, session, {
      method: 'PATCH',
      url: '/api/v1/users/me',
      payload: { displayName: '  Ada Lovelace ', locale: 'fr', version: 1 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ displayName: 'Ada Lovelace', locale: 'fr', version: 2 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: '/api/v1/users/me',
      payload: { locale: 'de', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const noVersion = await call(t.app, session, {
      method: 'PATCH',
      url: '/api/v1/users/me',
      payload: { locale: 'de' },
    });
    expect(noVersion.statusCode).toBe(428);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.updated'));
    expect(event?.changes).toMatchObject({ locale: { before: 'en', after: 'fr' } });
  });

  it('400 for an unknown locale, a blank name or a field that is not part of the profile', async () => {
    const user = await createUser(t.database);
    const session = await signIn(t.app, user.email);
    for (const payload of [
      { locale: 'es', version: 1 },
      { displayName: '  ', version: 1 },
      { email: 'x@y.z', version: 1 },
    ]) {
      const response = await call(t.app, session, { method: 'PATCH', url: '/api/v1/users/me', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});
