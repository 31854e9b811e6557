import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { builtinMatrix, createMatrix, squareDefinition, useMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-matrices';
const missing = '00000000-0000-4000-8000-000000000000';
type Item = {
  id: string;
  urn: string;
  source: string;
  revision: number;
  inUse: number;
  definition: { grid: number[][] };
};

async function setup() {
  const owner = await createOrgWithOwner(t.app, t.database);
  const other = await createOrgWithOwner(t.app, t.database);
  const reader = await userWithRole(t.app, t.database, {
    organizationId: owner.organization.id,
    folderId: owner.rootFolderId,
    role: 'reader',
  });
  return { ...owner, other, reader };
}

describe('risk matrices', () => {
  it('lists the three built-ins with their definitions to every organisation, read-only', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const res = await call(t.app, session, { method: 'GET', url: `${api}?source=builtin` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as (Item & { abilities: Record<string, boolean> })[];
    expect(items.map((m) => m.urn).sort()).toEqual([
      'urn:rampart:risk:matrix:3x3',
      'urn:rampart:risk:matrix:4x4',
      'urn:rampart:risk:matrix:5x5',
    ]);
    expect(items.find((m) => m.urn.endsWith('5x5'))?.definition.grid).toHaveLength(5);
    expect(items.every((m) => !m.abilities.update && !m.abilities.delete && !m.abilities.revise)).toBe(true);
    const fiveByFive = await builtinMatrix(t.app, session, '5x5');
    const patch = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${fiveByFive.id}`,
      payload: { version: 1, name: 'Mine' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('builtin_read_only');
    const del = await call(t.app, session, { method: 'DELETE', url: `${api}/${fiveByFive.id}?version=1` });
    expect(del.json().code).toBe('builtin_read_only');
    const revise = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${fiveByFive.id}/revisions`,
      payload: { definition: squareDefinition(5) },
    });
    expect(revise.json().code).toBe('builtin_read_only');
  });

  it('creates from a definition or a copy of a built-in, with the 401/400/403/404 matrix', async () => {
    const { session, rootFolderId, other, reader } = await setup();
    const body = { folderId: rootFolderId, name: 'Six', definition: squareDefinition(6) };
    expect((await call(t.app, null, { method: 'POST', url: api, payload: body })).statusCode).toBe(401);
    const badCell = squareDefinition(4);
    (badCell.grid[2] as number[])[3] = 9;
    const bad = await call(t.app, session, { method: 'POST', url: api, payload: { ...body, definition: badCell } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.definition.grid.2.3');
    const tooBig = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { ...body, definition: squareDefinition(7) },
    });
    expect(tooBig.statusCode).toBe(400);
    expect(
      (await call(t.app, session, { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'Nothing' } }))
        .statusCode,
    ).toBe(400);
    expect((await call(t.app, reader.session, { method: 'POST', url: api, payload: body })).statusCode).toBe(403);
    expect((await call(t.app, other.session, { method: 'POST', url: api, payload: body })).statusCode).toBe(404);
    const six = await call(t.app, session, { method: 'POST', url: api, payload: body });
    expect(six.statusCode, six.body).toBe(201);
    expect(six.json()).toMatchObject({
      source: 'organization',
      revision: 1,
      latestRevision: 1,
      inUse: 0,
      abilities: { update: true, delete: true, revise: true },
    });

    const builtin = await builtinMatrix(t.app, session, '4x4');
    const copy = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, copyFromId: builtin.id },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ name: '4×4 risk matrix', revision: 1, source: 'organization' });
    expect(copy.json().urn).not.toBe(builtin.urn);
    const foreign = await createMatrix(t.app, other.session, other.rootFolderId);
    const copyForeign = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, copyFromId: foreign.id },
    });
    expect(copyForeign.statusCode).toBe(404);

    // list and get
    expect((await call(t.app, null, { method: 'GET', url: api })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?limit=0` })).statusCode).toBe(400);
    const own = await call(t.app, reader.session, { method: 'GET', url: `${api}?source=organization&limit=1` });
    expect(own.json().items).toHaveLength(1);
    expect(own.json().nextCursor).toBeTruthy();
    const page2 = await call(t.app, reader.session, {
      method: 'GET',
      url: `${api}?source=organization&limit=1&cursor=${own.json().nextCursor}`,
    });
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().items[0].id).not.toBe(own.json().items[0].id);
    expect(
      (await call(t.app, other.session, { method: 'GET', url: `${api}?source=organization` }))
        .json()
        .items.map((m: Item) => m.id),
    ).toEqual([foreign.id]);
    expect((await call(t.app, null, { method: 'GET', url: `${api}/${six.json().id}` })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/nope` })).statusCode).toBe(400);
    expect((await call(t.app, other.session, { method: 'GET', url: `${api}/${six.json().id}` })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${missing}` })).statusCode).toBe(404);
    const got = await call(t.app, reader.session, { method: 'GET', url: `${api}/${six.json().id}` });
    expect(got.json()).toMatchObject({ name: 'Six', abilities: { update: false, delete: false, revise: false } });
  });

  it('updates and deletes only while unused; in use, changes become revisions', async () => {
    const { session, rootFolderId, organization, other, reader } = await setup();
    const matrix = await createMatrix(t.app, session, rootFolderId, 3);
    const url = `${api}/${matrix.id}`;
    expect((await call(t.app, null, { method: 'PATCH', url, payload: { version: 1, name: 'x' } })).statusCode).toBe(
      401,
    );
    expect(
      (await call(t.app, session, { method: 'PATCH', url, payload: { version: 1, definition: { grid: [] } } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(t.app, reader.session, { method: 'PATCH', url, payload: { version: 1, name: 'x' } })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, other.session, { method: 'PATCH', url, payload: { version: 1, name: 'x' } })).statusCode,
    ).toBe(404);
    const edited = await call(t.app, session, {
      method: 'PATCH',
      url,
      payload: { version: 1, name: 'Edited', definition: squareDefinition(4) },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Edited', version: 2, revision: 1 });
    expect(edited.json().definition.grid).toHaveLength(4);
    expect(
      (await call(t.app, session, { method: 'PATCH', url, payload: { version: 1, name: 'Stale' } })).statusCode,
    ).toBe(409);

    await useMatrix(t.database, { organizationId: organization.id, folderId: rootFolderId, riskMatrixId: matrix.id });
    const inUse = await call(t.app, session, { method: 'GET', url });
    expect(inUse.json()).toMatchObject({ inUse: 1, abilities: { update: false, delete: false, revise: true } });
    const refused = await call(t.app, session, {
      method: 'PATCH',
      url,
      payload: { version: 2, definition: squareDefinition(5) },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('matrix_in_use');
    expect(refused.json().detail).toContain('revision');
    const refusedDelete = await call(t.app, session, { method: 'DELETE', url: `${url}?version=2` });
    expect(refusedDelete.statusCode).toBe(409);
    expect(refusedDelete.json().code).toBe('matrix_in_use');

    // revisions
    const revUrl = `${url}/revisions`;
    const payload = { definition: squareDefinition(5) };
    expect((await call(t.app, null, { method: 'POST', url: revUrl, payload })).statusCode).toBe(401);
    const badRev = await call(t.app, session, {
      method: 'POST',
      url: revUrl,
      payload: { definition: { ...squareDefinition(5), grid: [[0]] } },
    });
    expect(badRev.statusCode).toBe(400);
    expect((await call(t.app, reader.session, { method: 'POST', url: revUrl, payload })).statusCode).toBe(403);
    expect((await call(t.app, other.session, { method: 'POST', url: revUrl, payload })).statusCode).toBe(404);
    const rev2 = await call(t.app, session, {
      method: 'POST',
      url: revUrl,
      payload: { ...payload, name: 'Edited (2)' },
    });
    expect(rev2.statusCode, rev2.body).toBe(201);
    expect(rev2.json()).toMatchObject({
      urn: matrix.urn,
      revision: 2,
      latestRevision: 2,
      inUse: 0,
      name: 'Edited (2)',
    });
    const rev3 = await call(t.app, session, { method: 'POST', url: revUrl, payload });
    expect(rev3.json()).toMatchObject({ revision: 3 });

    expect((await call(t.app, null, { method: 'GET', url: revUrl })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/x/revisions` })).statusCode).toBe(400);
    expect((await call(t.app, other.session, { method: 'GET', url: revUrl })).statusCode).toBe(404);
    const revisions = await call(t.app, reader.session, { method: 'GET', url: `${api}/${rev2.json().id}/revisions` });
    expect(revisions.json().items.map((r: Item) => [r.revision, r.inUse])).toEqual([
      [1, 1],
      [2, 0],
      [3, 0],
    ]);
    // The list shows the latest revision of each matrix unless asked for all.
    const latest = await call(t.app, session, { method: 'GET', url: `${api}?source=organization` });
    expect(latest.json().items.map((m: Item) => m.revision)).toEqual([3]);
    const all = await call(t.app, session, { method: 'GET', url: `${api}?source=organization&allRevisions=true` });
    expect(all.json().items).toHaveLength(3);

    // delete an unused revision
    const revUrl2 = `${api}/${rev2.json().id}`;
    expect((await call(t.app, null, { method: 'DELETE', url: `${revUrl2}?version=1` })).statusCode).toBe(401);
    expect((await call(t.app, session, { method: 'DELETE', url: `${revUrl2}?version=x` })).statusCode).toBe(400);
    expect((await call(t.app, reader.session, { method: 'DELETE', url: `${revUrl2}?version=1` })).statusCode).toBe(403);
    expect((await call(t.app, other.session, { method: 'DELETE', url: `${revUrl2}?version=1` })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'DELETE', url: `${revUrl2}?version=1` })).statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: revUrl2 })).statusCode).toBe(404);
  });
});
