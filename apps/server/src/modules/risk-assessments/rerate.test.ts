import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { createAssessment, createScenario, insertMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

describe('re-rating on another matrix', () => {
  it('maps every rating, recomputes levels, records history per changed scenario, refuses bad maps', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const urn = `urn:test:rerate:${organization.id}`;
    const v1 = await insertMatrix(t.database, { organizationId: organization.id, folderId: rootFolderId }, 3, urn, 1);
    const v2 = await insertMatrix(t.database, { organizationId: organization.id, folderId: rootFolderId }, 4, urn, 2);
    const assessment = await createAssessment(t.app, session, rootFolderId, v1.id, { riskToleranceLevel: 1 });
    const rated = await createScenario(t.app, session, assessment.id, {
      current: { probability: 2, impact: 1 },
      inherent: { probability: 2, impact: 2 },
    });
    const untouched = await createScenario(t.app, session, assessment.id);
    const url = `/api/v1/risk-assessments/${assessment.id}/re-rate`;

    const anonymous = await call(t.app, null, {
      method: 'POST',
      url,
      payload: { version: 1, riskMatrixId: v2.id, probabilityMap: [0, 1, 2], impactMap: [0, 1, 2] },
    });
    expect(anonymous.statusCode).toBe(401);
    const short = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { version: 1, riskMatrixId: v2.id, probabilityMap: [0, 1], impactMap: [0, 1, 4] },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.probabilityMap',
      'body.impactMap.2',
    ]);
    const unknown = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { version: 1, riskMatrixId: missing, probabilityMap: [0, 1, 2], impactMap: [0, 1, 2] },
    });
    expect(unknown.statusCode).toBe(404);
    const badTolerance = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { version: 1, riskMatrixId: v2.id, probabilityMap: [0, 1, 3], impactMap: [0, 1, 3], toleranceLevel: 4 },
    });
    expect(badTolerance.statusCode).toBe(400);
    const stale = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { version: 9, riskMatrixId: v2.id, probabilityMap: [0, 1, 3], impactMap: [0, 1, 3] },
    });
    expect(stale.statusCode).toBe(409);

    const done = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { version: 1, riskMatrixId: v2.id, probabilityMap: [0, 2, 3], impactMap: [0, 1, 3], toleranceLevel: 2 },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ riskMatrix: { id: v2.id, revision: 2 }, riskToleranceLevel: 2, version: 2 });
    const after = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-scenarios/${rated.id}` });
    expect(after.json().current).toEqual({ probability: 3, impact: 1, level: 2 });
    expect(after.json().inherent).toEqual({ probability: 3, impact: 3, level: 3 });
    expect(after.json().flagged).toBe(false);
    const history = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/audit-events?objectId=${rated.id}&action=risk_scenario.re_rated`,
    });
    const [event] = history.json().items as { changes: { ratings: { before: unknown; after: unknown } } }[];
    expect(event?.changes.ratings.before).toMatchObject({ current: { probability: 2, impact: 1, level: 1 } });
    expect(event?.changes.ratings.after).toMatchObject({ current: { probability: 3, impact: 1, level: 2 } });
    const none = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/audit-events?objectId=${untouched.id}&action=risk_scenario.re_rated`,
    });
    expect(none.json().items).toEqual([]);
  });
});
