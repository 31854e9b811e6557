import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assetsApi as api, createAsset, missingId, support } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('asset permissions', () => {
  it('a reader bound to a subfolder sees that subtree only and changes nothing; contributors edit there', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Team');
    const outside = await createAsset(t.app, session, rootFolderId, {
      name: 'Secret process',
      type: 'primary',
      securityObjectives: { confidentiality: 3 },
    });
    const inside = await createAsset(t.app, session, sub.id, { name: 'Team laptop' });
    await support(t.app, session, inside.id, outside.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });

    const list = (await call(t.app, reader.session, { method: 'GET', url: api })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    expect(list.items[0]).toMatchObject({ supportsCount: 0, abilities: { update: false, delete: false } });
    const detail = (await call(t.app, reader.session, { method: 'GET', url: `${api}/${inside.id}` })).json();
    expect(detail.supports).toEqual([]);
    // The level still flows from the hidden asset, but its name is not revealed.
    expect(detail.effectiveObjectives[0]).toMatchObject({
      level: 3,
      inherited: true,
      from: [{ id: outside.id, name: null }],
      path: ['Team laptop', null],
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${outside.id}` })).statusCode).toBe(404);
    const patch = (id: string) =>
      call(t.app, reader.session, { method: 'PATCH', url: `${api}/${id}`, payload: { version: 1, name: 'x' } });
    expect((await patch(inside.id)).statusCode).toBe(403);
    expect((await patch(outside.id)).statusCode).toBe(404);
    const create = await call(t.app, reader.session, {
      method: 'POST',
      url: api,
      payload: { folderId: sub.id, name: 'x', type: 'supporting' },
    });
    expect(create.statusCode).toBe(403);
    expect(
      (await call(t.app, reader.session, { method: 'DELETE', url: `${api}/${inside.id}?version=1` })).statusCode,
    ).toBe(403);

    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'contributor',
    });
    const created = await createAsset(t.app, contributor.session, sub.id);
    expect(created.abilities).toEqual({ update: true, delete: false });
    // The outside asset is not readable to them: linking to it is a 404, like any unknown id.
    const link = await call(t.app, contributor.session, {
      method: 'POST',
      url: `${api}/${created.id}/supports`,
      payload: { supportedAssetId: outside.id },
    });
    expect(link.statusCode).toBe(404);
    // Replacing the set leaves the edge they cannot see in place.
    const replace = await call(t.app, contributor.session, {
      method: 'PUT',
      url: `${api}/${inside.id}/supports`,
      payload: { supportedAssetIds: [] },
    });
    expect(replace.statusCode, replace.body).toBe(200);
    const ownerView = (await call(t.app, session, { method: 'GET', url: `${api}/${inside.id}` })).json();
    expect(ownerView.supports.map((a: { id: string }) => a.id)).toEqual([outside.id]);
    const moveOut = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, folderId: rootFolderId },
    });
    expect(moveOut.statusCode).toBe(404);
    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, folderId: rootFolderId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().folderId).toBe(rootFolderId);
  });

  it('another organisation’s asset answers 404 everywhere', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const asset = await createAsset(t.app, theirs.session, theirs.rootFolderId);
    const requests = [
      { method: 'GET', url: `${api}/${asset.id}` },
      { method: 'PATCH', url: `${api}/${asset.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${asset.id}?version=1` },
      { method: 'PUT', url: `${api}/${asset.id}/supports`, payload: { supportedAssetIds: [] } },
      { method: 'POST', url: `${api}/${asset.id}/supports`, payload: { supportedAssetId: missingId } },
      { method: 'DELETE', url: `${api}/${asset.id}/supports/${missingId}` },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, mine.session, request)).statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const intoTheirFolder = await call(t.app, mine.session, {
      method: 'POST',
      url: api,
      payload: { folderId: theirs.rootFolderId, name: 'x', type: 'supporting' },
    });
    expect(intoTheirFolder.statusCode).toBe(404);
    const theirMember = await call(t.app, mine.session, {
      method: 'POST',
      url: api,
      payload: { folderId: mine.rootFolderId, name: 'x', type: 'supporting', ownerIds: [theirs.owner.id] },
    });
    expect(theirMember.statusCode).toBe(400);
    expect((await call(t.app, mine.session, { method: 'GET', url: api })).json().items).toEqual([]);
    expect(
      (await call(t.app, mine.session, { method: 'GET', url: `${api}?supportsAssetId=${asset.id}` })).json().items,
    ).toEqual([]);
  });
});
