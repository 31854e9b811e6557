import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, grantPermissions, userWithRole } from '../../test/factories.js';
import { acceptancesApi as api, createAcceptance, insertScenarios } from './testing.js';

const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const reader = await userWithRole(t.app, t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
    role: 'reader',
  });
  const scenarios = await insertScenarios(
    t.database,
    { organizationId: org.organization.id, folderId: org.rootFolderId },
    3,
  );
  return { ...org, reader, scenarios };
}

describe('risk acceptances: the HTTP matrix', () => {
  it('answers 401 without a session on every endpoint', async () => {
    const requests = [
      { method: 'GET', url: api },
      { method: 'GET', url: `${api}/${missing}` },
      { method: 'POST', url: api, payload: { folderId: missing, name: 'x' } },
      { method: 'PATCH', url: `${api}/${missing}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${missing}?version=1` },
      { method: 'POST', url: `${api}/${missing}/transition`, payload: { version: 1, to: 'submitted' } },
      { method: 'PUT', url: `${api}/${missing}/scenarios`, payload: { riskScenarioIds: [] } },
      { method: 'POST', url: `${api}/${missing}/scenarios`, payload: { riskScenarioId: missing } },
      { method: 'DELETE', url: `${api}/${missing}/scenarios/${missing}` },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, null, request)).statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });

  it('answers 400 naming the field on bad input', async () => {
    const { session, rootFolderId, reader, organization } = await setup();
    const created = await createAcceptance(t.app, session, rootFolderId);
    const cases = [
      { request: { method: 'GET', url: `${api}?state=bogus` }, field: 'query.state' },
      { request: { method: 'GET', url: `${api}?approverId=someone` }, field: 'query.approverId' },
      { request: { method: 'GET', url: `${api}/not-a-uuid` }, field: 'params.id' },
      { request: { method: 'POST', url: api, payload: { folderId: rootFolderId } }, field: 'body.name' },
      {
        request: { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x', expiryDate: '2026-02-30' } },
        field: 'body.expiryDate',
      },
      {
        request: { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x', extra: 1 } },
        field: 'body.extra',
      },
      {
        request: { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: 1, name: 'x'.repeat(301) } },
        field: 'body.name',
      },
      {
        request: { method: 'POST', url: `${api}/${created.id}/transition`, payload: { version: 1, to: 'approved' } },
        field: 'body.to',
      },
      {
        request: { method: 'PUT', url: `${api}/${created.id}/scenarios`, payload: { riskScenarioIds: ['x'] } },
        field: 'body.riskScenarioIds.0',
      },
      { request: { method: 'POST', url: `${api}/${created.id}/scenarios`, payload: {} }, field: 'body.riskScenarioId' },
      { request: { method: 'DELETE', url: `${api}/${created.id}/scenarios/nope` }, field: 'params.scenarioId' },
      { request: { method: 'DELETE', url: `${api}/${created.id}?version=abc` }, field: 'query.version' },
    ] as const;
    for (const { request, field } of cases) {
      const response = await call(t.app, session, request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // An approver who may not read acceptances in the folder (not a member here) is refused by name.
    const outsider = await createOrgWithOwner(t.app, t.database);
    const badApprover = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, name: 'x', approverId: outsider.owner.id },
    });
    expect(badApprover.statusCode).toBe(400);
    expect(badApprover.json().errors[0].field).toBe('body.approverId');
    // A member who may read but not approve cannot be named: approval authority is part of being the approver.
    const readerApprover = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, approverId: reader.user.id },
    });
    expect(readerApprover.statusCode, readerApprover.body).toBe(400);
    expect(readerApprover.json().errors).toEqual([
      { field: 'body.approverId', message: 'Not a member who may approve risk acceptances in this folder' },
    ]);
    await grantPermissions(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      userId: reader.user.id,
      permissions: ['risk_acceptance:approve'],
    });
    const approverNamed = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, approverId: reader.user.id },
    });
    expect(approverNamed.statusCode, approverNamed.body).toBe(200);
  });

  it('answers 403 to a reader who can see but not act', async () => {
    const { session, rootFolderId, reader, scenarios } = await setup();
    const created = await createAcceptance(t.app, session, rootFolderId, { riskScenarioIds: [scenarios[0]] });
    const requests = [
      { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x' } },
      { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: created.version, name: 'x' } },
      { method: 'DELETE', url: `${api}/${created.id}?version=${created.version}` },
      {
        method: 'POST',
        url: `${api}/${created.id}/transition`,
        payload: { version: created.version, to: 'submitted' },
      },
      { method: 'PUT', url: `${api}/${created.id}/scenarios`, payload: { riskScenarioIds: [] } },
      { method: 'POST', url: `${api}/${created.id}/scenarios`, payload: { riskScenarioId: scenarios[1] } },
      { method: 'DELETE', url: `${api}/${created.id}/scenarios/${scenarios[0]}` },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, reader.session, request)).statusCode, `${request.method} ${request.url}`).toBe(403);
    }
    const read = await call(t.app, reader.session, { method: 'GET', url: `${api}/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, delete: false, transitions: [] });
  });

  it('answers 404 for another organisation’s acceptance, folder or scenario', async () => {
    const mine = await setup();
    const theirs = await setup();
    const created = await createAcceptance(t.app, theirs.session, theirs.rootFolderId);
    const requests = [
      { method: 'GET', url: `${api}/${created.id}` },
      { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${created.id}?version=1` },
      { method: 'POST', url: `${api}/${created.id}/transition`, payload: { version: 1, to: 'submitted' } },
      { method: 'PUT', url: `${api}/${created.id}/scenarios`, payload: { riskScenarioIds: [] } },
      { method: 'POST', url: `${api}/${created.id}/scenarios`, payload: { riskScenarioId: mine.scenarios[0] } },
      { method: 'DELETE', url: `${api}/${created.id}/scenarios/${mine.scenarios[0]}` },
      { method: 'POST', url: api, payload: { folderId: theirs.rootFolderId, name: 'x' } },
      {
        method: 'POST',
        url: api,
        payload: { folderId: mine.rootFolderId, name: 'x', riskScenarioIds: theirs.scenarios },
      },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, mine.session, request)).statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const mineAcceptance = await createAcceptance(t.app, mine.session, mine.rootFolderId);
    const linkTheirs = await call(t.app, mine.session, {
      method: 'POST',
      url: `${api}/${mineAcceptance.id}/scenarios`,
      payload: { riskScenarioId: theirs.scenarios[0] },
    });
    expect(linkTheirs.statusCode).toBe(404);
    expect((await call(t.app, mine.session, { method: 'GET', url: api })).json().items).toHaveLength(1);
  });

  it('creates, reads, edits, links scenarios and deletes (2xx), with audit-visible versions', async () => {
    const { session, rootFolderId, owner, scenarios } = await setup();
    const [s1, s2, s3] = scenarios;
    const created = await createAcceptance(t.app, session, rootFolderId, {
      refId: 'RA-1',
      justification: 'Compensated by monitoring',
      approverId: owner.id,
      expiryDate: '2026-06-30',
      riskScenarioIds: [s1, s1],
    });
    expect(created).toMatchObject({
      state: 'created',
      refId: 'RA-1',
      approver: { id: owner.id },
      scenarioCount: 1,
      inForce: false,
      expired: false,
      abilities: { update: true, delete: true, transitions: ['submitted'] },
    });
    const put = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${created.id}/scenarios`,
      payload: { riskScenarioIds: [s2, s3] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      put
        .json()
        .scenarios.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([s2, s3].sort());
    const added = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${created.id}/scenarios`,
      payload: { riskScenarioId: s1 },
    });
    expect(added.json().scenarioCount).toBe(3);
    const removed = await call(t.app, session, { method: 'DELETE', url: `${api}/${created.id}/scenarios/${s3}` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().scenarioCount).toBe(2);
    const notLinked = await call(t.app, session, { method: 'DELETE', url: `${api}/${created.id}/scenarios/${s3}` });
    expect(notLinked.statusCode).toBe(404);
    const patched = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, name: 'Legacy ERP', description: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Legacy ERP', version: created.version + 1 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, name: 'Stale' },
    });
    expect(stale.statusCode).toBe(409);
    const got = await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` });
    expect(got.json().scenarios[0]).toMatchObject({ riskAssessment: { name: expect.stringContaining('Risk') } });
    const gone = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${created.id}?version=${patched.json().version}`,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` })).statusCode).toBe(404);
  });

  it('filters and pages the list, and scopes it to the caller’s folders', async () => {
    const { session, rootFolderId, owner, organization, scenarios } = await setup();
    const sub = await createFolder(t.app, session, rootFolderId, 'Team');
    const inSub = await createAcceptance(t.app, session, sub.id, { name: 'B sub', riskScenarioIds: [scenarios[0]] });
    const atRoot = await createAcceptance(t.app, session, rootFolderId, { name: 'A root', approverId: owner.id });
    await createAcceptance(t.app, session, rootFolderId, { name: 'C root' });
    const names = async (query: string, s = session) => {
      const response = await call(t.app, s, { method: 'GET', url: `${api}${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((i: { name: string }) => i.name);
    };
    expect(await names('')).toEqual(['A root', 'B sub', 'C root']);
    expect(await names('?sort=-name')).toEqual(['C root', 'B sub', 'A root']);
    expect(await names(`?folderId=${sub.id}`)).toEqual(['B sub']);
    expect(await names('?q=c%20ro')).toEqual(['C root']);
    expect(await names(`?riskScenarioId=${scenarios[0]}`)).toEqual(['B sub']);
    expect(await names('?approverId=me')).toEqual(['A root']);
    expect(await names(`?approverId=${owner.id}`)).toEqual(['A root']);
    expect(await names('?state=created&inForce=false')).toHaveLength(3);
    expect(await names('?inForce=true')).toEqual([]);
    expect(await names('?awaitingMe=true')).toEqual([]);
    const first = await call(t.app, session, { method: 'GET', url: `${api}?limit=2` });
    expect(first.json().items).toHaveLength(2);
    const next = await call(t.app, session, {
      method: 'GET',
      url: `${api}?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(next.json().items.map((i: { name: string }) => i.name)).toEqual(['C root']);
    expect(next.json().nextCursor).toBeNull();

    const subReader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    expect(await names('', subReader.session)).toEqual(['B sub']);
    // The scenario lives in the root folder: a reader of the subfolder sees the acceptance, not the scenario.
    const detail = await call(t.app, subReader.session, { method: 'GET', url: `${api}/${inSub.id}` });
    expect(detail.json()).toMatchObject({ scenarioCount: 0, scenarios: [] });
    expect((await call(t.app, subReader.session, { method: 'GET', url: `${api}/${atRoot.id}` })).statusCode).toBe(404);
  });

  it('keeps a folder holding acceptances from being deleted', async () => {
    const { session, rootFolderId } = await setup();
    const folder = await createFolder(t.app, session, rootFolderId);
    const created = await createAcceptance(t.app, session, folder.id);
    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 risk acceptance(s)');
    await call(t.app, session, { method: 'DELETE', url: `${api}/${created.id}?version=${created.version}` });
    const allowed = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${folder.id}?version=1` });
    expect(allowed.statusCode, allowed.body).toBe(204);
  });
});
