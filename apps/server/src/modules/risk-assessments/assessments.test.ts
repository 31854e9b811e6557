import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { createAssessment, createScenario, insertAcceptance, insertMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-assessments';
const missing = '00000000-0000-4000-8000-000000000000';

describe('risk assessments', () => {
  it('401 without a session, 400 on bad input, 2xx through create, get, list, update and delete', async () => {
    const { session, rootFolderId, organization, owner } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    expect((await call(t.app, null, { method: 'GET', url: api })).statusCode).toBe(401);
    const anonymous = await call(t.app, null, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, riskMatrixId: matrix.id, name: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
    const bad = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, riskMatrixId: matrix.id, name: '', status: 'closed' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.status']),
    );
    const badTolerance = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, riskMatrixId: matrix.id, name: 'x', riskToleranceLevel: 3 },
    });
    expect(badTolerance.statusCode).toBe(400);
    expect(badTolerance.json().errors[0].field).toBe('body.riskToleranceLevel');
    const unknownMatrix = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, riskMatrixId: missing, name: 'x' },
    });
    expect(unknownMatrix.statusCode).toBe(404);

    const created = await createAssessment(t.app, session, rootFolderId, matrix.id, {
      riskToleranceLevel: 1,
      dueDate: '2026-06-30',
      authorIds: [owner.id],
    });
    expect(created).toMatchObject({ status: 'planned', riskToleranceLevel: 1, version: 1 });
    expect(created.abilities).toEqual({ update: true, delete: true, approve: true, createScenario: true });
    const got = await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().riskMatrix.definition.risk).toHaveLength(3);
    expect(got.json().authors.map((a: { id: string }) => a.id)).toEqual([owner.id]);
    expect(got.json().counts).toEqual({
      scenarios: 0,
      rated: 0,
      flagged: 0,
      byTreatment: { open: 0, mitigate: 0, accept: 0, avoid: 0, transfer: 0 },
    });
    const list = await call(t.app, session, { method: 'GET', url: `${api}?riskMatrixId=${matrix.id}&status=planned` });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?status=done` })).json().items).toEqual([]);
    expect((await call(t.app, session, { method: 'GET', url: `${api}?limit=0` })).statusCode).toBe(400);

    const noVersion = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { name: 'y' },
    });
    expect(noVersion.statusCode).toBe(428);
    const patched = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: 1, name: 'Renamed', status: 'in_progress', reviewerIds: [owner.id] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Renamed', status: 'in_progress', version: 2 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: 1, name: 'z' },
    });
    expect(stale.statusCode).toBe(409);
    const stranger = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: 2, authorIds: [missing] },
    });
    expect(stranger.statusCode).toBe(400);

    const events = await call(t.app, session, { method: 'GET', url: `/api/v1/audit-events?objectId=${created.id}` });
    expect(events.statusCode).toBe(200);
    const actions = (events.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['risk_assessment.created', 'risk_assessment.updated']));
    const removed = await call(t.app, session, { method: 'DELETE', url: `${api}/${created.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${created.id}` })).statusCode).toBe(404);
    expect(organization.id).toBeTruthy();
  });

  it('changing the matrix by PATCH is refused once a scenario is rated', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const three = await insertMatrix(t.database, { organizationId: null });
    const four = await insertMatrix(t.database, { organizationId: organization.id, folderId: rootFolderId }, 4);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const foreign = await insertMatrix(t.database, { organizationId: theirs.organization.id }, 3);
    const assessment = await createAssessment(t.app, session, rootFolderId, three.id);
    const scenario = await createScenario(t.app, session, assessment.id);
    const toForeign = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: 1, riskMatrixId: foreign.id },
    });
    expect(toForeign.statusCode).toBe(404);
    const swapped = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: 1, riskMatrixId: four.id, riskToleranceLevel: 3 },
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/risk-scenarios/${scenario.id}`,
      payload: { version: scenario.version, inherent: { probability: 1 } },
    });
    const refused = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: 2, riskMatrixId: three.id, riskToleranceLevel: 1 },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('matrix_change_needs_rerating');
  });

  it('moving the folder moves the scenarios; deleting cascades but not past an accepted acceptance', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const sub = await createFolder(t.app, session, rootFolderId);
    const assessment = await createAssessment(t.app, session, rootFolderId, matrix.id);
    const scenario = await createScenario(t.app, session, assessment.id);
    const moved = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${assessment.id}`,
      payload: { version: 1, folderId: sub.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-scenarios/${scenario.id}` });
    expect(after.json().folderId).toBe(sub.id);
    const folderDelete = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${sub.id}?version=1` });
    expect(folderDelete.statusCode).toBe(409);
    expect(folderDelete.json().detail).toContain('risk assessment(s)');

    const acceptance = await insertAcceptance(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      scenarioIds: [scenario.id],
    });
    const refused = await call(t.app, session, { method: 'DELETE', url: `${api}/${assessment.id}?version=2` });
    expect(refused.statusCode).toBe(409);
    expect(acceptance.id).toBeTruthy();
  });

  it('a matrix in a folder the caller cannot read is 404 on create, PATCH and re-rate', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const open = await createFolder(t.app, session, rootFolderId);
    const hidden = await createFolder(t.app, session, rootFolderId);
    const builtin = await insertMatrix(t.database, { organizationId: null });
    const secret = await insertMatrix(t.database, { organizationId: organization.id, folderId: hidden.id });
    const visible = await insertMatrix(t.database, { organizationId: organization.id, folderId: open.id });
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: open.id,
      role: 'contributor',
    });
    const create = (riskMatrixId: string) =>
      call(t.app, contributor.session, {
        method: 'POST',
        url: api,
        payload: { folderId: open.id, riskMatrixId, name: 'Assessment' },
      });
    expect((await create(secret.id)).statusCode).toBe(404);
    const made = await create(builtin.id);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const patch = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${id}`,
      payload: { version: 1, riskMatrixId: secret.id },
    });
    expect(patch.statusCode).toBe(404);
    const rerate = await call(t.app, contributor.session, {
      method: 'POST',
      url: `${api}/${id}/re-rate`,
      payload: { version: 1, riskMatrixId: secret.id, probabilityMap: [0, 1, 2], impactMap: [0, 1, 2] },
    });
    expect(rerate.statusCode).toBe(404);
    const allowed = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${id}`,
      payload: { version: 1, riskMatrixId: visible.id },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it('scoping: a reader in a subfolder sees its subtree, changes nothing; another organisation gets 404', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const sub = await createFolder(t.app, session, rootFolderId);
    const outside = await createAssessment(t.app, session, rootFolderId, matrix.id);
    const inside = await createAssessment(t.app, session, sub.id, matrix.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const list = await call(t.app, reader.session, { method: 'GET', url: api });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${outside.id}` })).statusCode).toBe(404);
    const writes = [
      { method: 'PATCH', url: `${api}/${inside.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${inside.id}?version=1` },
      { method: 'POST', url: api, payload: { folderId: sub.id, riskMatrixId: matrix.id, name: 'x' } },
      {
        method: 'POST',
        url: `${api}/${inside.id}/re-rate`,
        payload: { version: 1, riskMatrixId: matrix.id, probabilityMap: [0, 1, 2], impactMap: [0, 1, 2] },
      },
    ] as const;
    for (const request of writes) {
      expect((await call(t.app, reader.session, request)).statusCode, request.method).toBe(403);
    }
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'contributor',
    });
    const toDone = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${inside.id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(toDone.statusCode).toBe(403);
    const contributorDelete = await call(t.app, contributor.session, {
      method: 'DELETE',
      url: `${api}/${inside.id}?version=1`,
    });
    expect(contributorDelete.statusCode).toBe(403);

    const theirs = await createOrgWithOwner(t.app, t.database);
    const other = [
      { method: 'GET', url: `${api}/${inside.id}` },
      { method: 'PATCH', url: `${api}/${inside.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${inside.id}?version=1` },
      {
        method: 'POST',
        url: `${api}/${inside.id}/re-rate`,
        payload: { version: 1, riskMatrixId: matrix.id, probabilityMap: [0, 1, 2], impactMap: [0, 1, 2] },
      },
      { method: 'POST', url: api, payload: { folderId: sub.id, riskMatrixId: matrix.id, name: 'x' } },
    ] as const;
    for (const request of other) {
      expect((await call(t.app, theirs.session, request)).statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect((await call(t.app, theirs.session, { method: 'GET', url: api })).json().items).toEqual([]);
  });
});
