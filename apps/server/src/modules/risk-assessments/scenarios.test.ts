import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { createControl } from '../controls/testing.js';
import {
  createAssessment,
  createScenario,
  insertAcceptance,
  insertAsset,
  insertMatrix,
  insertThreat,
} from './testing.js';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
// Sessions expire by this clock too: the test moves it by hours, never by weeks.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const api = '/api/v1/risk-scenarios';
const missing = '00000000-0000-4000-8000-000000000000';

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const matrix = await insertMatrix(t.database, { organizationId: null });
  const assessment = await createAssessment(t.app, org.session, org.rootFolderId, matrix.id, { riskToleranceLevel: 1 });
  return { ...org, matrix, assessment };
}

describe('risk scenarios', () => {
  it('creates, reads, rates (levels stored), refuses ratings off the scale, deletes', async () => {
    const { session, assessment, owner } = await setup();
    const anonymous = await call(t.app, null, {
      method: 'POST',
      url: api,
      payload: { riskAssessmentId: assessment.id, name: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await call(t.app, null, { method: 'GET', url: api })).statusCode).toBe(401);
    const bad = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { riskAssessmentId: assessment.id, name: 'x', treatment: 'ignore' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.treatment');
    const noAssessment = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { riskAssessmentId: missing, name: 'x' },
    });
    expect(noAssessment.statusCode).toBe(404);

    const scenario = await createScenario(t.app, session, assessment.id, {
      ownerId: owner.id,
      inherent: { probability: 2, impact: 2 },
      treatment: 'mitigate',
    });
    expect(scenario.inherent).toEqual({ probability: 2, impact: 2, level: 2 });
    expect(scenario.current).toEqual({ probability: -1, impact: -1, level: -1 });
    expect(scenario.folderId).toBe(assessment.folderId);

    const offScale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${scenario.id}`,
      payload: { version: 1, current: { probability: 1, impact: 3 } },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.current.impact']);

    const rated = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${scenario.id}`,
      payload: { version: 1, current: { probability: 1, impact: 2 }, justification: 'Seen twice' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      current: { probability: 1, impact: 2, level: 1 },
      inherent: { level: 2 },
      justification: 'Seen twice',
      flagged: false,
      version: 2,
    });
    const partial = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${scenario.id}`,
      payload: { version: 2, current: { probability: 2 } },
    });
    expect(partial.json().current).toEqual({ probability: 2, impact: 2, level: 2 });
    expect(partial.json().flagged).toBe(true);

    const got = await call(t.app, session, { method: 'GET', url: `${api}/${scenario.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().owner.id).toBe(owner.id);
    const events = await call(t.app, session, { method: 'GET', url: `/api/v1/audit-events?objectId=${scenario.id}` });
    expect((events.json().items as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['risk_scenario.created', 'risk_scenario.updated']),
    );
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${scenario.id}` })).statusCode).toBe(428);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${scenario.id}?version=1` })).statusCode).toBe(
      409,
    );
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${scenario.id}?version=3` })).statusCode).toBe(
      204,
    );
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${scenario.id}` })).statusCode).toBe(404);
  });

  it('flags above the tolerance, not while an acceptance is in force, and again once it has expired', async () => {
    const { session, assessment, organization, rootFolderId } = await setup();
    const high = await createScenario(t.app, session, assessment.id, { current: { probability: 2, impact: 2 } });
    const low = await createScenario(t.app, session, assessment.id, { current: { probability: 0, impact: 0 } });
    expect(high.flagged).toBe(true);
    expect(low.flagged).toBe(false);
    const flaggedIds = async () =>
      (await call(t.app, session, { method: 'GET', url: `${api}?riskAssessmentId=${assessment.id}&flagged=true` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await flaggedIds()).toEqual([high.id]);

    await insertAcceptance(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      scenarioIds: [high.id],
      state: 'submitted',
    });
    expect(await flaggedIds()).toEqual([high.id]);
    await insertAcceptance(t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      scenarioIds: [high.id],
      expiryDate: '2026-03-10',
    });
    expect(await flaggedIds()).toEqual([]);
    const detail = await call(t.app, session, { method: 'GET', url: `${api}/${high.id}` });
    expect(detail.json().flagged).toBe(false);
    expect(
      detail
        .json()
        .acceptances.map((a: { inForce: boolean }) => a.inForce)
        .sort(),
    ).toEqual([false, true]);
    const figures = await call(t.app, session, { method: 'GET', url: `/api/v1/risk-assessments/${assessment.id}` });
    expect(figures.json().counts).toMatchObject({ scenarios: 2, rated: 2, flagged: 0 });

    clock.set(new Date('2026-03-10T23:30:00Z'));
    expect(await flaggedIds()).toEqual([]);
    clock.set(new Date('2026-03-11T00:30:00Z'));
    expect(await flaggedIds()).toEqual([high.id]);
    const unflagged = await call(t.app, session, {
      method: 'GET',
      url: `${api}?riskAssessmentId=${assessment.id}&flagged=false`,
    });
    expect(unflagged.json().items.map((i: { id: string }) => i.id)).toEqual([low.id]);
    clock.set(new Date('2026-03-10T12:00:00Z'));
  });

  it('links threats, assets, existing and planned controls that the caller can read', async () => {
    const { session, assessment, organization, rootFolderId } = await setup();
    const scenario = await createScenario(t.app, session, assessment.id);
    const builtinThreat = await insertThreat(t.database, { organizationId: null, folderId: null });
    const ownThreat = await insertThreat(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const asset = await insertAsset(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const control = await createControl(t.app, session, rootFolderId);
    const planned = await createControl(t.app, session, rootFolderId, { eta: '2026-09-01' });
    const theirs = await createOrgWithOwner(t.app, t.database);
    const foreignAsset = await insertAsset(t.database, {
      organizationId: theirs.organization.id,
      folderId: theirs.rootFolderId,
    });

    const setThreats = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${scenario.id}/threats`,
      payload: { threatIds: [builtinThreat.id, ownThreat.id] },
    });
    expect(setThreats.statusCode, setThreats.body).toBe(200);
    expect(setThreats.json().threats).toHaveLength(2);
    expect(setThreats.json().threatCount).toBe(2);
    const addAsset = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${scenario.id}/assets`,
      payload: { assetId: asset.id },
    });
    expect(addAsset.json().assets.map((a: { id: string }) => a.id)).toEqual([asset.id]);
    const foreign = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${scenario.id}/assets`,
      payload: { assetId: foreignAsset.id },
    });
    expect(foreign.statusCode).toBe(404);
    const foreignSet = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${scenario.id}/assets`,
      payload: { assetIds: [foreignAsset.id] },
    });
    expect(foreignSet.statusCode).toBe(400);
    expect(foreignSet.json().errors[0].field).toBe('body.assetIds');
    await call(t.app, session, {
      method: 'POST',
      url: `${api}/${scenario.id}/existing-controls`,
      payload: { appliedControlId: control.id },
    });
    const withPlanned = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${scenario.id}/planned-controls`,
      payload: { appliedControlIds: [planned.id] },
    });
    expect(withPlanned.json().existingControls.map((c: { id: string }) => c.id)).toEqual([control.id]);
    expect(withPlanned.json().plannedControls).toEqual([
      expect.objectContaining({ id: planned.id, eta: '2026-09-01', status: expect.any(String) }),
    ]);
    expect(withPlanned.json().plannedControlCount).toBe(1);
    const byControl = await call(t.app, session, { method: 'GET', url: `${api}?appliedControlId=${control.id}` });
    expect(byControl.json().items.map((i: { id: string }) => i.id)).toEqual([scenario.id]);
    const byAsset = await call(t.app, session, { method: 'GET', url: `${api}?assetId=${asset.id}` });
    expect(byAsset.json().items[0].assetCount).toBe(1);
    const byThreat = await call(t.app, session, { method: 'GET', url: `${api}?threatId=${ownThreat.id}` });
    expect(byThreat.json().items).toHaveLength(1);
    const unlink = await call(t.app, session, { method: 'DELETE', url: `${api}/${scenario.id}/assets/${asset.id}` });
    expect(unlink.json().assets).toEqual([]);
    const unlinkAgain = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${scenario.id}/assets/${asset.id}`,
    });
    expect(unlinkAgain.statusCode).toBe(404);
  });

  it('link counts leave out linked objects the caller cannot read, as the detail does', async () => {
    const { session, matrix, organization, rootFolderId } = await setup();
    const open = await createFolder(t.app, session, rootFolderId);
    const hidden = await createFolder(t.app, session, rootFolderId);
    const assessment = await createAssessment(t.app, session, open.id, matrix.id);
    const scenario = await createScenario(t.app, session, assessment.id);
    const asset = await insertAsset(t.database, { organizationId: organization.id, folderId: hidden.id });
    const threat = await insertThreat(t.database, { organizationId: organization.id, folderId: hidden.id });
    const control = await createControl(t.app, session, hidden.id);
    for (const [path, payload] of [
      ['assets', { assetId: asset.id }],
      ['threats', { threatId: threat.id }],
      ['planned-controls', { appliedControlId: control.id }],
    ] as const) {
      const linked = await call(t.app, session, { method: 'POST', url: `${api}/${scenario.id}/${path}`, payload });
      expect(linked.statusCode, linked.body).toBe(200);
    }
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: open.id,
      role: 'reader',
    });
    const detail = await call(t.app, reader.session, { method: 'GET', url: `${api}/${scenario.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ assets: [], threats: [], plannedControls: [] });
    expect(detail.json()).toMatchObject({ assetCount: 0, threatCount: 0, plannedControlCount: 0 });
    const list = await call(t.app, reader.session, { method: 'GET', url: `${api}?riskAssessmentId=${assessment.id}` });
    expect(list.json().items[0]).toMatchObject({ assetCount: 0, threatCount: 0, plannedControlCount: 0 });
    const mine = await call(t.app, session, { method: 'GET', url: `${api}?riskAssessmentId=${assessment.id}` });
    expect(mine.json().items[0]).toMatchObject({ assetCount: 1, threatCount: 1, plannedControlCount: 1 });
  });

  it('a done assessment locks its scenarios until an approver moves it back', async () => {
    const { session, assessment, organization, rootFolderId } = await setup();
    const scenario = await createScenario(t.app, session, assessment.id);
    const done = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/risk-assessments/${assessment.id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().locked).toBe(true);
    const writes = [
      { method: 'PATCH', url: `${api}/${scenario.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${scenario.id}?version=1` },
      { method: 'POST', url: api, payload: { riskAssessmentId: assessment.id, name: 'x' } },
      { method: 'PUT', url: `${api}/${scenario.id}/threats`, payload: { threatIds: [] } },
    ] as const;
    for (const request of writes) {
      const response = await call(t.app, session, request);
      expect(response.statusCode, request.method).toBe(409);
      expect(response.json().code).toBe('risk_assessment_locked');
    }
    const got = await call(t.app, session, { method: 'GET', url: `${api}/${scenario.id}` });
    expect(got.json().abilities).toEqual({ update: false, delete: false });
    const manager = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    const reopenWithoutApprove = await call(t.app, manager.session, {
      method: 'PATCH',
      url: `/api/v1/risk-assessments/${assessment.id}`,
      payload: { version: 2, status: 'in_progress' },
    });
    expect(reopenWithoutApprove.statusCode).toBe(403);
    const reopened = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/risk-assessments/${assessment.id}`,
      payload: { version: 2, status: 'in_progress' },
    });
    expect(reopened.statusCode).toBe(200);
    const edit = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${scenario.id}`,
      payload: { version: 1, name: 'x' },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('scoping: a reader in a subfolder; another organisation answers 404 everywhere', async () => {
    const { session, organization, rootFolderId, matrix } = await setup();
    const sub = await createFolder(t.app, session, rootFolderId);
    const insideAssessment = await createAssessment(t.app, session, sub.id, matrix.id);
    const outsideAssessment = await createAssessment(t.app, session, rootFolderId, matrix.id);
    const inside = await createScenario(t.app, session, insideAssessment.id);
    const outside = await createScenario(t.app, session, outsideAssessment.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const list = await call(t.app, reader.session, { method: 'GET', url: api });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    expect(list.json().items[0].abilities).toEqual({ update: false, delete: false });
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${outside.id}` })).statusCode).toBe(404);
    const forbidden = [
      { method: 'PATCH', url: `${api}/${inside.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${inside.id}?version=1` },
      { method: 'POST', url: api, payload: { riskAssessmentId: insideAssessment.id, name: 'x' } },
      { method: 'PUT', url: `${api}/${inside.id}/assets`, payload: { assetIds: [] } },
      { method: 'POST', url: `${api}/${inside.id}/threats`, payload: { threatId: missing } },
      { method: 'DELETE', url: `${api}/${inside.id}/planned-controls/${missing}` },
    ] as const;
    for (const request of forbidden) {
      expect((await call(t.app, reader.session, request)).statusCode, `${request.method} ${request.url}`).toBe(403);
    }
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'contributor',
    });
    const created = await createScenario(t.app, contributor.session, insideAssessment.id);
    expect(created.abilities).toEqual({ update: true, delete: false });
    const theirs = await createOrgWithOwner(t.app, t.database);
    const other = [
      { method: 'GET', url: `${api}/${inside.id}` },
      { method: 'PATCH', url: `${api}/${inside.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${inside.id}?version=1` },
      { method: 'POST', url: api, payload: { riskAssessmentId: insideAssessment.id, name: 'x' } },
      { method: 'PUT', url: `${api}/${inside.id}/existing-controls`, payload: { appliedControlIds: [] } },
      { method: 'POST', url: `${api}/${inside.id}/assets`, payload: { assetId: missing } },
      { method: 'DELETE', url: `${api}/${inside.id}/threats/${missing}` },
    ] as const;
    for (const request of other) {
      expect((await call(t.app, theirs.session, request)).statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect((await call(t.app, theirs.session, { method: 'GET', url: api })).json().items).toEqual([]);
  });
});
