import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf } from '../../test/app.js';

// This file's database starts empty (no user), which is what first-run setup needs.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const owner = {
  email: 'Founder@Example.test',
  displayName: 'Ada Founder',
  password: 'a long enough passphrase',
  organizationName: 'Acme Security',
};

describe('first-run setup', () => {
  it('refuses a weak password or a bad e-mail and names the field', async () => {
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.password');
    const badEmail = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, email: 'x' } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].field).toBe('body.email');
  });

  it('creates the first owner and organisation exactly once, even when two requests race', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
    const [first, second] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner }),
      t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...owner, email: 'rival@example.test' } }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const created = first.statusCode === 201 ? first : second;
    const refused = first.statusCode === 201 ? second : first;
    expect(refused.json().code).toBe('setup_done');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });

    // The new owner is signed in, acts in the new organisation and owns its root folder.
    const cookie = sessionCookieOf(created);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().currentOrganizationId).toBe(created.json().organizationId);
    expect(me.json().organizations).toEqual([
      expect.objectContaining({ name: 'Acme Security', rootFolderId: created.json().rootFolderId, guest: false }),
    ]);
    const tree = await t.app.inject({ method: 'GET', url: '/api/v1/folders/tree', headers: { cookie } });
    expect(tree.json().items[0]).toMatchObject({ name: 'Acme Security', abilities: { createChild: true } });

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: owner });
    expect(again.statusCode).toBe(409);
  });
});
