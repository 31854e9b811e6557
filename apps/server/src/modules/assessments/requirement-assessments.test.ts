import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner } from '../../test/factories.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import { requirementAssessments } from './tables.js';
import {
  assessmentsApi as api,
  byRef,
  createAssessment,
  miniFramework,
  seedFramework,
  workspaceOf,
} from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const raApi = '/api/v1/requirement-assessments';

async function setup(content = miniFramework()) {
  const org = await createOrgWithOwner(t.app, t.database);
  const frameworkId = await seedFramework(
    t.database,
    { organizationId: org.organization.id, folderId: org.rootFolderId },
    content,
  );
  const assessment = await createAssessment(t.app, org.session, { folderId: org.rootFolderId, frameworkId });
  const items = await workspaceOf(t.app, org.session, assessment.id);
  return { ...org, frameworkId, assessment, items };
}

describe('requirement assessments', () => {
  it('reads one with the requirement text, and patches result, score and observation with versions', async () => {
    const { session, items, assessment } = await setup();
    const gov1 = byRef(items, 'GOV-1');
    const one = await call(t.app, session, { method: 'GET', url: `${raApi}/${gov1.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      assessmentId: assessment.id,
      requirement: { refId: 'GOV-1', description: 'A written security policy is approved and published.' },
      result: 'not_assessed',
      status: 'to_do',
      evidence: [],
      appliedControls: [],
      abilities: { update: true, review: true, link: true },
    });
    const patched = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${gov1.id}`,
      payload: {
        version: 1,
        result: 'partially_compliant',
        score: 3,
        isScored: true,
        observation: 'Draft only',
        status: 'done',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      result: 'partially_compliant',
      score: 3,
      observation: 'Draft only',
      version: 2,
    });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${gov1.id}`,
      payload: { version: 1, score: 2 },
    });
    expect(stale.statusCode).toBe(409);
    const row = (await workspaceOf(t.app, session, assessment.id)).find((i) => i.refId === 'GOV-1');
    expect(row?.assessment).toMatchObject({ hasObservation: true, result: 'partially_compliant', version: 2 });
    const summary = await call(t.app, session, { method: 'GET', url: `${api}/${assessment.id}/summary` });
    expect(summary.json()).toMatchObject({ total: 5, assessed: 1, progress: 20, score: 3, maxScore: 5 });
    expect(summary.json().sections.map((s: { refId: string; total: number }) => [s.refId, s.total])).toEqual([
      ['GOV', 2],
      ['OPS', 3],
    ]);
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('requirement_assessment.updated');
  });

  it('400 on scores outside the scale, and on any score when the framework has none', async () => {
    const { session, items } = await setup();
    const gov1 = byRef(items, 'GOV-1');
    for (const score of [6, -1]) {
      const response = await call(t.app, session, {
        method: 'PATCH',
        url: `${raApi}/${gov1.id}`,
        payload: { version: 1, score },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field: 'body.score' });
      expect(response.json().errors[0].message).toContain('between 0 and 5');
    }
    const noScale = await setup(miniFramework({ withoutScale: true }));
    const ra = byRef(noScale.items, 'GOV-1');
    const refused = await call(t.app, noScale.session, {
      method: 'PATCH',
      url: `${raApi}/${ra.id}`,
      payload: { version: 1, score: 1 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain('no scoring scale');
    const bulk = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${(await setup()).assessment.id}/requirement-assessments/bulk`,
      payload: { items: [{ id: gov1.id, version: 1 }], changes: { score: 9 } },
    });
    expect(bulk.statusCode).toBe(404); // another organisation's assessment
  });

  it('confirms an inferred result, and a manual result clears the inference', async () => {
    const { session, items } = await setup();
    const [gov1, ops2] = [byRef(items, 'GOV-1'), byRef(items, 'OPS-2')];
    await t.database.db
      .update(requirementAssessments)
      .set({ inferred: true, result: 'compliant', inference: { rule: 'equal', sources: [] } })
      .where(eq(requirementAssessments.assessmentId, (await setupIdOf(gov1.id)) ?? ''));
    const confirmed = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${gov1.id}`,
      payload: { version: 1, inferred: false },
    });
    expect(confirmed.json()).toMatchObject({ inferred: false, result: 'compliant', inference: { rule: 'equal' } });
    const overridden = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${ops2.id}`,
      payload: { version: 1, result: 'non_compliant' },
    });
    expect(overridden.json()).toMatchObject({ inferred: false, result: 'non_compliant' });
    const bad = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${ops2.id}`,
      payload: { version: 2, inferred: true },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('links readable evidence and controls of the organisation; 400 naming the field otherwise', async () => {
    const { session, organization, rootFolderId, items } = await setup();
    const other = await createOrgWithOwner(t.app, t.database);
    const [mine] = await t.database.db
      .insert(evidence)
      .values({ organizationId: organization.id, folderId: rootFolderId, name: 'Policy PDF' })
      .returning();
    const [theirs] = await t.database.db
      .insert(evidence)
      .values({ organizationId: other.organization.id, folderId: other.rootFolderId, name: 'Theirs' })
      .returning();
    const [control] = await t.database.db
      .insert(appliedControls)
      .values({ organizationId: organization.id, folderId: rootFolderId, name: 'Backup job' })
      .returning();
    const ra = byRef(items, 'OPS-1');
    const foreign = await call(t.app, session, {
      method: 'PUT',
      url: `${raApi}/${ra.id}/links`,
      payload: { version: 1, evidenceIds: [mine?.id, theirs?.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.evidenceIds');
    const linked = await call(t.app, session, {
      method: 'PUT',
      url: `${raApi}/${ra.id}/links`,
      payload: { version: 1, evidenceIds: [mine?.id], appliedControlIds: [control?.id] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      evidence: [{ id: mine?.id, name: 'Policy PDF' }],
      appliedControls: [{ id: control?.id, name: 'Backup job' }],
      version: 2,
    });
    const row = (await workspaceOf(t.app, session, linked.json().assessmentId)).find((i) => i.refId === 'OPS-1');
    expect(row?.assessment).toMatchObject({ evidenceCount: 1, controlCount: 1 });
  });

  it('bulk-edits in one transaction: a stale item changes nothing and is named', async () => {
    const { session, items, assessment } = await setup();
    const [a, b, c] = [byRef(items, 'GOV-1'), byRef(items, 'GOV-2'), byRef(items, 'OPS-2')];
    await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${c.id}`,
      payload: { version: 1, observation: 'moved on' },
    });
    const url = `${api}/${assessment.id}/requirement-assessments/bulk`;
    const stale = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { items: [a, b, c].map((x) => ({ id: x.id, version: 1 })), changes: { result: 'compliant' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain(c.id);
    expect(stale.json().detail).not.toContain(a.id);
    const after = await workspaceOf(t.app, session, assessment.id);
    expect(byRef(after, 'GOV-1').result).toBe('not_assessed');
    const ok = await call(t.app, session, {
      method: 'POST',
      url,
      payload: {
        items: [a, b].map((x) => ({ id: x.id, version: 1 })).concat({ id: c.id, version: 2 }),
        changes: { result: 'compliant', status: 'done' },
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().updated).toBe(3);
    const done = await workspaceOf(t.app, session, assessment.id);
    expect(['GOV-1', 'GOV-2', 'OPS-2'].map((r) => byRef(done, r).result)).toEqual([
      'compliant',
      'compliant',
      'compliant',
    ]);
    expect(byRef(done, 'OPS-2').version).toBe(3);
    const other = await setup();
    const foreignItem = await call(t.app, session, {
      method: 'POST',
      url,
      payload: { items: [{ id: byRef(other.items, 'GOV-1').id, version: 1 }], changes: { status: 'done' } },
    });
    expect(foreignItem.statusCode).toBe(400);
    for (const payload of [
      { items: [], changes: { status: 'done' } },
      { items: [{ id: a.id, version: 2 }], changes: {} },
    ]) {
      expect((await call(t.app, session, { method: 'POST', url, payload })).statusCode).toBe(400);
    }
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('requirement_assessment.bulk_updated');
  });

  it('compares two assessments of the same framework URN across versions; 400 for different frameworks', async () => {
    const { session, organization, rootFolderId, frameworkId, assessment: before, items } = await setup();
    const v2 = await seedFramework(
      t.database,
      { organizationId: organization.id, folderId: rootFolderId },
      miniFramework({ version: '2', dropUrns: ['urn:rampart:test:req:gov-2'] }),
    );
    const after = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: v2 });
    const afterItems = await workspaceOf(t.app, session, after.id);
    const set = (id: string, version: number, result: string) =>
      call(t.app, session, { method: 'PATCH', url: `${raApi}/${id}`, payload: { version, result } });
    await set(byRef(items, 'GOV-1').id, 1, 'non_compliant');
    await set(byRef(afterItems, 'GOV-1').id, 1, 'compliant');
    await set(byRef(items, 'OPS-1').id, 1, 'compliant');
    await set(byRef(afterItems, 'OPS-1').id, 1, 'partially_compliant');
    await set(byRef(afterItems, 'OPS-2').id, 1, 'not_applicable');
    const response = await call(t.app, session, { method: 'GET', url: `${api}/${after.id}/compare/${before.id}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().counts).toEqual({
      improved: 1,
      regressed: 1,
      changed: 1,
      unchanged: 1,
      added: 0,
      removed: 1,
    });
    expect(response.json().rows.find((r: { refId: string }) => r.refId === 'GOV-2')).toMatchObject({
      change: 'removed',
    });
    const differentUrn = miniFramework();
    const fw = differentUrn.frameworks[0];
    if (fw) fw.urn = 'urn:rampart:test:framework:another';
    const otherFw = await seedFramework(
      t.database,
      { organizationId: organization.id, folderId: rootFolderId },
      differentUrn,
    );
    const other = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: otherFw });
    const refused = await call(t.app, session, { method: 'GET', url: `${api}/${other.id}/compare/${before.id}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('params.otherId');
    expect(frameworkId).not.toBe(v2);
  });

  it('lets a reviewer set status and observation only', async () => {
    const { session, organization, rootFolderId, items } = await setup();
    const sub = await createFolder(t.app, session, rootFolderId);
    expect(sub.id).toBeTruthy();
    const { userWithRole } = await import('../../test/factories.js');
    const auditor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'auditor',
    });
    const ra = byRef(items, 'GOV-1');
    const reviewed = await call(t.app, auditor.session, {
      method: 'PATCH',
      url: `${raApi}/${ra.id}`,
      payload: { version: 1, status: 'in_review', observation: 'Checked the PDF' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().abilities).toMatchObject({ update: false, review: true });
    const result = await call(t.app, auditor.session, {
      method: 'PATCH',
      url: `${raApi}/${ra.id}`,
      payload: { version: 2, result: 'compliant' },
    });
    expect(result.statusCode).toBe(403);
  });
});

/** The assessment of a requirement assessment (to touch all its rows directly). */
async function setupIdOf(requirementAssessmentId: string) {
  const [row] = await t.database.db
    .select({ assessmentId: requirementAssessments.assessmentId })
    .from(requirementAssessments)
    .where(eq(requirementAssessments.id, requirementAssessmentId));
  return row?.assessmentId;
}
