import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assetsApi as api, createAsset, missingId, support } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('asset dependencies', () => {
  it('PUT / POST / DELETE: 401, 400, 403, 404 and 200', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const server = await createAsset(t.app, session, rootFolderId, { name: 'Server' });
    const app = await createAsset(t.app, session, rootFolderId, { name: 'App' });
    const set = `${api}/${server.id}/supports`;
    expect((await t.app.inject({ method: 'PUT', url: set, payload: { supportedAssetIds: [] } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: set, payload: { supportedAssetId: app.id } })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'DELETE', url: `${set}/${app.id}` })).statusCode).toBe(401);
    expect(
      (await call(t.app, session, { method: 'PUT', url: set, payload: { supportedAssetIds: ['x'] } })).statusCode,
    ).toBe(400);
    expect((await call(t.app, session, { method: 'POST', url: set, payload: {} })).statusCode).toBe(400);
    expect((await call(t.app, session, { method: 'DELETE', url: `${set}/nope` })).statusCode).toBe(400);

    const replaced = await call(t.app, session, { method: 'PUT', url: set, payload: { supportedAssetIds: [app.id] } });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().supports.map((a: { id: string }) => a.id)).toEqual([app.id]);
    const appDetail = (await call(t.app, session, { method: 'GET', url: `${api}/${app.id}` })).json();
    expect(appDetail.supportedBy.map((a: { id: string }) => a.id)).toEqual([server.id]);
    const again = await call(t.app, session, { method: 'POST', url: set, payload: { supportedAssetId: app.id } });
    expect(again.json().supports).toHaveLength(1);

    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    for (const request of [
      { method: 'PUT', url: set, payload: { supportedAssetIds: [] } },
      { method: 'POST', url: set, payload: { supportedAssetId: app.id } },
      { method: 'DELETE', url: `${set}/${app.id}` },
    ] as const) {
      expect((await call(t.app, reader.session, request)).statusCode, request.method).toBe(403);
    }
    expect(
      (await call(t.app, session, { method: 'POST', url: set, payload: { supportedAssetId: missingId } })).statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, session, { method: 'PUT', url: set, payload: { supportedAssetIds: [missingId] } })).statusCode,
    ).toBe(404);
    expect((await call(t.app, session, { method: 'DELETE', url: `${set}/${missingId}` })).statusCode).toBe(404);
    const other = await createOrgWithOwner(t.app, t.database);
    const theirs = await createAsset(t.app, other.session, other.rootFolderId);
    expect(
      (await call(t.app, session, { method: 'POST', url: set, payload: { supportedAssetId: theirs.id } })).statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, other.session, { method: 'PUT', url: set, payload: { supportedAssetIds: [] } })).statusCode,
    ).toBe(404);

    const removed = await call(t.app, session, { method: 'DELETE', url: `${set}/${app.id}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().supports).toEqual([]);
  });

  it('refuses a self-edge, a primary asset supporting anything, and cycles naming them', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const server = await createAsset(t.app, session, rootFolderId, { name: 'Server' });
    const app = await createAsset(t.app, session, rootFolderId, { name: 'App' });
    const network = await createAsset(t.app, session, rootFolderId, { name: 'Network' });
    const process = await createAsset(t.app, session, rootFolderId, { name: 'Billing', type: 'primary' });

    const self = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${server.id}/supports`,
      payload: { supportedAssetId: server.id },
    });
    expect(self.statusCode).toBe(400);
    const primary = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${process.id}/supports`,
      payload: { supportedAssetId: server.id },
    });
    expect(primary.statusCode).toBe(409);
    expect(primary.json().detail).toContain('primary asset supports nothing');

    await support(t.app, session, server.id, app.id);
    const direct = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${app.id}/supports`,
      payload: { supportedAssetId: server.id },
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().detail).toContain('App → Server → App');

    await support(t.app, session, network.id, server.id);
    const longer = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${app.id}/supports`,
      payload: { supportedAssetIds: [network.id, process.id] },
    });
    expect(longer.statusCode).toBe(409);
    expect(longer.json().detail).toContain('App → Network → Server → App');
    const unchanged = (await call(t.app, session, { method: 'GET', url: `${api}/${app.id}` })).json();
    expect(unchanged.supports).toEqual([]);

    // A supporting asset that supports something cannot become primary.
    const toPrimary = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${server.id}`,
      payload: { version: server.version, type: 'primary' },
    });
    expect(toPrimary.statusCode).toBe(400);
    expect(JSON.stringify(toPrimary.json().errors)).toContain('body.type');
  });

  it('two concurrent additions cannot close a cycle together', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const a = await createAsset(t.app, session, rootFolderId, { name: 'A' });
    const b = await createAsset(t.app, session, rootFolderId, { name: 'B' });
    const [ab, ba] = await Promise.all([
      call(t.app, session, { method: 'POST', url: `${api}/${a.id}/supports`, payload: { supportedAssetId: b.id } }),
      call(t.app, session, { method: 'POST', url: `${api}/${b.id}/supports`, payload: { supportedAssetId: a.id } }),
    ]);
    expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 409]);
  });

  it('inherits objectives through a 3-level graph and explains where they come from', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const process = await createAsset(t.app, session, rootFolderId, {
      name: 'Payments',
      type: 'primary',
      category: 'business_process',
      securityObjectives: { confidentiality: 3, integrity: 2, availability: 1 },
    });
    const info = await createAsset(t.app, session, rootFolderId, {
      name: 'Card data',
      type: 'primary',
      category: 'information',
      securityObjectives: { confidentiality: 3 },
    });
    const app = await createAsset(t.app, session, rootFolderId, {
      name: 'Payment app',
      category: 'application',
      securityObjectives: { availability: 2 },
    });
    const server = await createAsset(t.app, session, rootFolderId, {
      name: 'App server',
      category: 'hardware',
      securityObjectives: { integrity: 3, availability: 0 },
    });
    await support(t.app, session, app.id, process.id);
    await support(t.app, session, app.id, info.id);
    await support(t.app, session, server.id, app.id);

    const detail = (await call(t.app, session, { method: 'GET', url: `${api}/${server.id}` })).json();
    const by = Object.fromEntries(detail.effectiveObjectives.map((o: { objective: string }) => [o.objective, o]));
    expect(by.confidentiality).toEqual({
      objective: 'confidentiality',
      level: 3,
      own: null,
      inherited: true,
      from: [
        { id: info.id, name: 'Card data' },
        { id: process.id, name: 'Payments' },
      ].sort((x, y) => x.name.localeCompare(y.name)),
      path: ['App server', 'Payment app', 'Card data'],
    });
    expect(by.integrity).toMatchObject({ level: 3, own: 3, inherited: false, from: [], path: [] });
    expect(by.availability).toMatchObject({
      level: 2,
      own: 0,
      inherited: true,
      from: [{ id: app.id, name: 'Payment app' }],
      path: ['App server', 'Payment app'],
    });
    const primary = (await call(t.app, session, { method: 'GET', url: `${api}/${process.id}` })).json();
    expect(primary.effectiveObjectives[0]).toMatchObject({ level: 3, inherited: false });
    expect(primary.supportedBy.map((a: { id: string }) => a.id)).toEqual([app.id]);
  });
});
