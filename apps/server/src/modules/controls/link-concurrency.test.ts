import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { createControl, nodeIds, saveTwoFrameworks } from './testing.js';

/**
 * Concurrent replaces of one kind of link serialise on the control's row: the result is one of the sets sent,
 * never their union. PostgreSQL only: PGlite has a single connection, so its transactions never interleave.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/applied-controls';

describe('replacing links concurrently', () => {
  it('two PUTs at once end with one of the two sets', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const { tag } = await saveTwoFrameworks(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const nodes = await nodeIds(t.database, tag);
    const control = await createControl(t.app, session, rootFolderId);
    const put = (requirementNodeIds: string[]) =>
      call(t.app, session, {
        method: 'PUT',
        url: `${api}/${control.id}/requirements`,
        payload: { requirementNodeIds },
      });
    const setA = [nodes.a1, nodes.a2].sort();
    const setB = [nodes.b1];
    // Several rounds from an empty set: one interleaving is enough to show a union, if the lock were missing.
    for (let round = 0; round < 8; round++) {
      expect((await put([])).statusCode).toBe(200);
      const responses = await Promise.all([put(setA), put(setB)]);
      for (const response of responses) expect(response.statusCode, response.body).toBe(200);
      const after = await call(t.app, session, { method: 'GET', url: `${api}/${control.id}` });
      const linked = (after.json().requirements as { id: string }[]).map((r) => r.id).sort();
      expect([setA, setB], `round ${round}: ${linked.join(', ')}`).toContainEqual(linked);
    }
  });
});
