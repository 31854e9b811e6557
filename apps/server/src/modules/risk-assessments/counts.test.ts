import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, createUser, grantPermissions, signIn } from '../../test/factories.js';
import { createAssessment, createScenario, insertMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-assessments';
const nothing = {
  scenarios: 0,
  rated: 0,
  flagged: 0,
  byTreatment: { open: 0, mitigate: 0, accept: 0, avoid: 0, transfer: 0 },
};

describe('an assessment’s scenario counts', () => {
  it('are shown only to callers who may read its scenarios (risk_scenario:read in its folder), else 0', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const sub = await createFolder(t.app, session, rootFolderId);
    const hidden = await createAssessment(t.app, session, rootFolderId, matrix.id, { riskToleranceLevel: 1 });
    await createScenario(t.app, session, hidden.id, { current: { probability: 2, impact: 2 }, treatment: 'mitigate' });
    await createScenario(t.app, session, hidden.id);
    const shown = await createAssessment(t.app, session, sub.id, matrix.id);
    await createScenario(t.app, session, shown.id, { treatment: 'avoid' });

    // Assessments readable everywhere, scenarios only in the subfolder.
    const user = await createUser(t.database);
    const scope = { organizationId: organization.id, userId: user.id };
    await grantPermissions(t.database, { ...scope, folderId: rootFolderId, permissions: ['risk_assessment:read'] });
    await grantPermissions(t.database, { ...scope, folderId: sub.id, permissions: ['risk_scenario:read'] });
    const blind: Session = { ...(await signIn(t.app, user.email)), organizationId: organization.id };

    const get = async (who: Session, id: string) => {
      const response = await call(t.app, who, { method: 'GET', url: `${api}/${id}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    // The owner sees the figures the caller is denied: the zeros below are hidden counts, not empty assessments.
    expect(await get(session, hidden.id)).toMatchObject({
      scenarioCount: 2,
      counts: { scenarios: 2, rated: 1, flagged: 1, byTreatment: { open: 1, mitigate: 1 } },
    });
    expect(await get(blind, hidden.id)).toMatchObject({ scenarioCount: 0, counts: nothing });
    expect(await get(blind, shown.id)).toMatchObject({
      scenarioCount: 1,
      counts: { scenarios: 1, rated: 0, flagged: 0, byTreatment: { avoid: 1, open: 0 } },
    });

    const list = await call(t.app, blind, { method: 'GET', url: api });
    expect(list.statusCode, list.body).toBe(200);
    const counted = Object.fromEntries(
      list.json().items.map((i: { id: string; scenarioCount: number }) => [i.id, i.scenarioCount]),
    );
    expect(counted).toEqual({ [hidden.id]: 0, [shown.id]: 1 });
    const asOwner = await call(t.app, session, { method: 'GET', url: `${api}?folderId=${rootFolderId}` });
    expect(
      asOwner
        .json()
        .items.map((i: { scenarioCount: number }) => i.scenarioCount)
        .sort(),
    ).toEqual([1, 2]);
  });
});
