import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { multipartFile } from '../threats/testing.js';
import { useMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const library = `urn: urn:test:risk:library:matrix
locale: en
ref_id: MATRIX
name: Test matrix
version: 1
objects:
  risk_matrix:
    - urn: urn:test:risk:matrix:2x3
      ref_id: M-2x3
      name: Two by three
      probability:
        - abbreviation: L
          name: Low
        - name: Very high
      impact:
        - { abbreviation: S, name: Small }
        - { abbreviation: M, name: Medium }
        - { abbreviation: B, name: Big, description: Really big }
      risk:
        - { abbreviation: OK, name: Fine, hexcolor: '#0f0' }
        - { abbreviation: KO, name: Bad, hexcolor: '#FF0000' }
      grid:
        - [0, 0, 1]
        - [0, 1, 1]
`;

const importUrl = (folderId: string) => `/api/v1/risk-matrices/import?folderId=${folderId}`;

describe('POST /risk-matrices/import', () => {
  it('imports CISO Assistant matrices idempotently by URN; a change revises a matrix in use', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const first = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('m.yaml', library),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, revised: 0, updated: 0, unchanged: 0 });
    const id = first.json().matrices[0].id;
    const got = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-matrices/${id}` });
    expect(got.json()).toMatchObject({
      urn: 'urn:test:risk:matrix:2x3',
      refId: 'M-2x3',
      revision: 1,
      definition: {
        probability: [
          { abbreviation: 'L', name: 'Low' },
          { abbreviation: 'VH', name: 'Very high' },
        ],
        risk: [{ color: '#00ff00' }, { color: '#FF0000' }],
        grid: [
          [0, 0, 1],
          [0, 1, 1],
        ],
      },
    });
    const again = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('m.yaml', library),
    });
    expect(again.json()).toMatchObject({ created: 0, revised: 0, updated: 0, unchanged: 1 });

    const changed = library.replace('- [0, 1, 1]', '- [1, 1, 1]');
    const updated = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('m.yaml', changed),
    });
    expect(updated.json()).toMatchObject({ updated: 1, matrices: [{ id, revision: 1, outcome: 'updated' }] });

    await useMatrix(t.database, { organizationId: organization.id, folderId: rootFolderId, riskMatrixId: id });
    const changedAgain = library.replace('- [0, 1, 1]', '- [0, 0, 1]');
    const revised = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('m.yaml', changedAgain),
    });
    expect(revised.json()).toMatchObject({ revised: 1, matrices: [{ revision: 2, outcome: 'revised' }] });
    const revisions = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-matrices/${id}/revisions` });
    expect(revisions.json().items.map((m: { revision: number }) => m.revision)).toEqual([1, 2]);
  });

  it('locates wrong cells and shapes by YAML path and line, writing nothing', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const badCell = library.replace('- [0, 1, 1]', '- [0, 1, 5]');
    const res = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('bad.yaml', badCell),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'file.objects.risk_matrix[0].grid[1][2]',
        message: expect.stringMatching(/^bad\.yaml line 24: risk level 5 does not exist/),
      },
    ]);
    const badColour = library.replace("hexcolor: '#FF0000'", 'hexcolor: red');
    const colour = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('c.yaml', badColour),
    });
    expect(colour.json().errors).toEqual([
      { field: 'file.objects.risk_matrix[0].risk[1].hexcolor', message: expect.stringContaining('line 21:') },
    ]);
    const oneRow = library.replace(/probability:\n.*\n.*\n.*\n/, 'probability:\n        - name: Only\n');
    const small = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('s.yaml', oneRow),
    });
    expect(small.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['file.objects.risk_matrix[0].probability', 'file.objects.risk_matrix[0].grid']),
    );
    const none = await call(t.app, session, {
      method: 'POST',
      url: importUrl(rootFolderId),
      ...multipartFile('n.yaml', 'objects:\n  threats: []\n'),
    });
    expect(none.json().errors).toEqual([
      { field: 'file.objects', message: expect.stringContaining('line 1: The library holds no risk matrix') },
    ]);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/risk-matrices?source=organization' });
    expect(list.json().items).toEqual([]);
  });

  it('answers 401, 400, 403, 404 and 415', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const other = await createOrgWithOwner(t.app, t.database);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const body = () => multipartFile('m.yaml', library);
    expect((await call(t.app, null, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode).toBe(401);
    expect(
      (await call(t.app, session, { method: 'POST', url: '/api/v1/risk-matrices/import', ...body() })).statusCode,
    ).toBe(400);
    expect((await call(t.app, session, { method: 'POST', url: importUrl(rootFolderId), payload: {} })).statusCode).toBe(
      415,
    );
    expect(
      (await call(t.app, reader.session, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, other.session, { method: 'POST', url: importUrl(rootFolderId), ...body() })).statusCode,
    ).toBe(404);
  });
});
