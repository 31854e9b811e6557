import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { createControl } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/applied-controls';
const missing = '00000000-0000-4000-8000-000000000000';

describe('applied control permissions', () => {
  it('a reader bound to a subfolder sees that subtree only and changes nothing; contributors edit', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId, 'Team');
    const outside = await createControl(t.app, session, rootFolderId);
    const inside = await createControl(t.app, session, sub.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const list = await call(t.app, reader.session, { method: 'GET', url: api });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    expect(list.json().items[0].abilities).toEqual({ update: false, delete: false });
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${outside.id}` })).statusCode).toBe(404);
    const readerPatch = await call(t.app, reader.session, {
      method: 'PATCH',
      url: `${api}/${inside.id}`,
      payload: { version: inside.version, name: 'Renamed' },
    });
    expect(readerPatch.statusCode).toBe(403);
    const readerPatchOutside = await call(t.app, reader.session, {
      method: 'PATCH',
      url: `${api}/${outside.id}`,
      payload: { version: outside.version, name: 'Renamed' },
    });
    expect(readerPatchOutside.statusCode).toBe(404);
    const readerCreate = await call(t.app, reader.session, {
      method: 'POST',
      url: api,
      payload: { folderId: sub.id, name: 'x' },
    });
    expect(readerCreate.statusCode).toBe(403);
    const readerLink = await call(t.app, reader.session, {
      method: 'PUT',
      url: `${api}/${inside.id}/requirements`,
      payload: { requirementNodeIds: [] },
    });
    expect(readerLink.statusCode).toBe(403);
    const readerDelete = await call(t.app, reader.session, { method: 'DELETE', url: `${api}/${inside.id}?version=1` });
    expect(readerDelete.statusCode).toBe(403);

    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'contributor',
    });
    const created = await createControl(t.app, contributor.session, sub.id);
    expect(created.abilities).toEqual({ update: true, delete: false });
    const moveOut = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, folderId: rootFolderId },
    });
    expect(moveOut.statusCode).toBe(404);
    const contributorDelete = await call(t.app, contributor.session, {
      method: 'DELETE',
      url: `${api}/${created.id}?version=${created.version}`,
    });
    expect(contributorDelete.statusCode).toBe(403);
    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, folderId: rootFolderId },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().folderId).toBe(rootFolderId);
  });

  it('another organisation’s control answers 404 everywhere', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const control = await createControl(t.app, theirs.session, theirs.rootFolderId);
    const requests = [
      { method: 'GET', url: `${api}/${control.id}` },
      { method: 'PATCH', url: `${api}/${control.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${control.id}?version=1` },
      { method: 'PUT', url: `${api}/${control.id}/requirements`, payload: { requirementNodeIds: [] } },
      { method: 'POST', url: `${api}/${control.id}/evidence`, payload: { evidenceId: missing } },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, mine.session, request)).statusCode, request.method).toBe(404);
    }
    const intoTheirFolder = await call(t.app, mine.session, {
      method: 'POST',
      url: api,
      payload: { folderId: theirs.rootFolderId, name: 'x' },
    });
    expect(intoTheirFolder.statusCode).toBe(404);
    const theirMember = await call(t.app, mine.session, {
      method: 'POST',
      url: api,
      payload: { folderId: mine.rootFolderId, name: 'x', ownerIds: [theirs.owner.id] },
    });
    expect(theirMember.statusCode).toBe(400);
    expect((await call(t.app, mine.session, { method: 'GET', url: api })).json().items).toEqual([]);
  });

  it('a folder holding controls cannot be deleted', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const folder = await createFolder(t.app, session, rootFolderId);
    const control = await createControl(t.app, session, folder.id);
    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 applied control(s)');
    await call(t.app, session, { method: 'DELETE', url: `${api}/${control.id}?version=${control.version}` });
    const allowed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(allowed.statusCode, allowed.body).toBe(204);
  });
});
