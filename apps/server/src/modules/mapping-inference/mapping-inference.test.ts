import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../schema.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { complianceAssessments, requirementAssessments } from '../assessments/tables.js';
import { frameworks, requirementNodes } from '../frameworks/tables.js';
import { assessWith, loadChainedLibrary, setResults } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CSF = 'urn:rampart:framework:nist-csf-2.0';
const SP80053 =
  'urn:oscal:catalog:nist-special-publication-800-53-revision-5-security-and-privacy-controls-for-federal-information-systems-and';

/** An organisation with the chained library loaded and an assessment of A (A1 compliant, A2 compliant, A3 failed). */
async function arrange() {
  const org = await createOrgWithOwner(t.app, t.database);
  const organizationId = org.organization.id;
  const ids = await loadChainedLibrary(t.database, organizationId, org.rootFolderId);
  const sourceId = await assessWith(
    t.database,
    { organizationId, folderId: org.rootFolderId, frameworkId: ids.A },
    { A1: 'compliant', A2: 'compliant', A3: 'non_compliant' },
  );
  return { ...org, organizationId, ids, sourceId };
}

const infer = (session: Session, payload: Record<string, unknown>) =>
  call(t.app, session, { method: 'POST', url: '/api/v1/compliance-assessments/infer', payload });

/** The target's rows by requirement ref id. */
async function rowsOf(assessmentId: string) {
  const rows = await t.database.db
    .select({
      id: requirementAssessments.id,
      refId: requirementNodes.refId,
      result: requirementAssessments.result,
      inferred: requirementAssessments.inferred,
      inference: requirementAssessments.inference,
      version: requirementAssessments.version,
    })
    .from(requirementAssessments)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(eq(requirementAssessments.assessmentId, assessmentId))
    .orderBy(asc(requirementNodes.orderIndex));
  return Object.fromEntries(rows.map((r) => [r.refId, r]));
}

describe('mapping inference API', () => {
  it('previews A → B → C with counts and multi-hop traces, writing nothing', async () => {
    const { session, ids, sourceId, organizationId } = await arrange();
    const response = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/mapping-inference/preview',
      payload: { sourceAssessmentIds: [sourceId], targetFrameworkId: ids.C },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.counts).toEqual({
      compliant: 1,
      partially_compliant: 1,
      non_compliant: 1,
      not_applicable: 0,
      undetermined: 1,
      unmapped: 1,
    });
    expect(body.sources).toEqual([
      expect.objectContaining({
        id: sourceId,
        reachable: true,
        mappingSetIds: expect.arrayContaining([ids.setAB, ids.setBC]),
      }),
    ]);
    expect(body.mappingSets.map((s: { name: string }) => s.name).sort()).toEqual(['A to B', 'B to C']);
    const byRef = Object.fromEntries(body.requirements.map((r: { refId: string }) => [r.refId, r]));
    expect(Object.keys(byRef)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']); // the heading is not assessable
    expect(byRef.C1.result).toBe('compliant');
    expect(byRef.C1.trace.sources[0]).toMatchObject({
      assessmentId: sourceId,
      requirementUrn: 'urn:test:req:a1',
      refId: 'A1',
      result: 'compliant',
      relationship: 'equal',
      mappingSetId: ids.setAB,
      path: ['urn:test:req:a1', 'urn:test:req:b1', 'urn:test:req:c1'],
    });
    expect(byRef.C2).toMatchObject({
      result: 'partially_compliant',
      trace: { rule: 'subset:compliant→partially_compliant' },
    });
    expect(byRef.C3).toMatchObject({ result: null, trace: { rule: 'undetermined' } });
    expect(byRef.C4.result).toBe('non_compliant');
    expect(byRef.C5).toMatchObject({ result: null, trace: null });

    const groups = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/mapping-inference/preview',
      payload: { sourceAssessmentIds: [sourceId], targetFrameworkId: ids.C, implementationGroups: ['basic'] },
    });
    expect(groups.json().requirements.map((r: { refId: string }) => r.refId)).toEqual(['C1', 'C2']);
    const assessments = await t.database.db
      .select({ id: complianceAssessments.id })
      .from(complianceAssessments)
      .where(eq(complianceAssessments.organizationId, organizationId));
    expect(assessments.map((a) => a.id)).toEqual([sourceId]);
  });

  it('works on the built-in library: CSF 2.0 to SP 800-53 are intersections, so at most partially compliant', async () => {
    const org = await createOrgWithOwner(t.app, t.database);
    const builtin = await t.database.db
      .select({ id: frameworks.id, urn: frameworks.urn })
      .from(frameworks)
      .where(and(isNull(frameworks.organizationId), inArray(frameworks.urn, [CSF, SP80053])));
    const csf = builtin.find((f) => f.urn === CSF)?.id ?? '';
    const sp = builtin.find((f) => f.urn === SP80053)?.id ?? '';
    expect(csf && sp, 'the built-in library is loaded in the template').toBeTruthy();
    const sourceId = await assessWith(
      t.database,
      { organizationId: org.organization.id, folderId: org.rootFolderId, frameworkId: csf },
      {},
    );
    await t.database.db
      .update(requirementAssessments)
      .set({ result: 'compliant' })
      .where(eq(requirementAssessments.assessmentId, sourceId));
    const response = await call(t.app, org.session, {
      method: 'POST',
      url: '/api/v1/mapping-inference/preview',
      payload: { sourceAssessmentIds: [sourceId], targetFrameworkId: sp },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.counts.compliant).toBe(0);
    expect(body.counts.partially_compliant).toBeGreaterThan(10);
    const inferred = body.requirements.filter((r: { result: string | null }) => r.result !== null);
    for (const r of inferred) expect(r.trace.rule).toMatch(/intersect:compliant→partially_compliant/);
  });

  it('lists the frameworks reachable through mapping sets, nearest first', async () => {
    const { session, ids } = await arrange();
    const response = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/mapping-inference/reachable-frameworks?frameworkId=${ids.C}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((f: { id: string; hops: number }) => [f.id, f.hops])).toEqual([
      [ids.B, 1],
      [ids.A, 2],
    ]);
  });

  it('creates the target assessment with inferred results, traces and inferredFrom, audited', async () => {
    const { session, ids, sourceId, rootFolderId, organizationId } = await arrange();
    const response = await infer(session, {
      sourceAssessmentIds: [sourceId],
      targetFrameworkId: ids.C,
      folderId: rootFolderId,
      name: 'C from A',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: 'C from A',
      frameworkId: ids.C,
      folderId: rootFolderId,
      requirementCount: 5,
      unreachableAssessmentIds: [],
      abilities: { update: true },
    });
    expect(created.inferredFrom).toEqual([
      { assessmentId: sourceId, mappingSetIds: expect.arrayContaining([ids.setAB, ids.setBC]), at: expect.any(String) },
    ]);
    const rows = await rowsOf(created.id);
    expect(rows.C1).toMatchObject({ result: 'compliant', inferred: true });
    expect(rows.C1?.inference?.sources[0]?.path).toEqual(['urn:test:req:a1', 'urn:test:req:b1', 'urn:test:req:c1']);
    expect(rows.C2).toMatchObject({ result: 'partially_compliant', inferred: true });
    expect(rows.C3).toMatchObject({ result: 'not_assessed', inferred: false, inference: null });
    expect(rows.C4).toMatchObject({ result: 'non_compliant', inferred: true });
    expect(rows.C5).toMatchObject({ result: 'not_assessed', inferred: false });
    // The assessments API shows the inferred result with its trace.
    const shown = await call(t.app, session, { method: 'GET', url: `/api/v1/requirement-assessments/${rows.C2?.id}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      result: 'partially_compliant',
      inferred: true,
      inference: { rule: 'subset:compliant→partially_compliant', sources: [{ refId: 'A2', relationship: 'subset' }] },
    });
    const [assessment] = await t.database.db
      .select()
      .from(complianceAssessments)
      .where(eq(complianceAssessments.id, created.id));
    expect(assessment?.inferredFrom?.[0]?.assessmentId).toBe(sourceId);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.objectId, created.id)));
    expect(events.map((e) => e.action)).toEqual(['compliance_assessment.created']);
  });

  it('refreshes only rows still undecided or inferred, keeping what a person set; version-checked', async () => {
    const { session, ids, sourceId, rootFolderId, organizationId } = await arrange();
    const created = (
      await infer(session, {
        sourceAssessmentIds: [sourceId],
        targetFrameworkId: ids.C,
        folderId: rootFolderId,
        name: 'C',
      })
    ).json();
    // A person decides C4 themselves; then A1 turns non-compliant and A3 compliant.
    await setResults(t.database, created.id, ids.C, { C4: 'compliant' });
    await setResults(t.database, sourceId, ids.A, { A1: 'non_compliant', A3: 'compliant' });
    const url = `/api/v1/compliance-assessments/${created.id}/refresh-inference`;

    expect((await call(t.app, session, { method: 'POST', url, payload: {} })).statusCode).toBe(428);
    const stale = await call(t.app, session, { method: 'POST', url, payload: { version: 7 } });
    expect(stale.statusCode, stale.body).toBe(409);

    const response = await call(t.app, session, { method: 'POST', url, payload: { version: 1 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: created.id, version: 2, kept: 1, updated: 2 });
    const rows = await rowsOf(created.id);
    expect(rows.C1).toMatchObject({ result: 'non_compliant', inferred: true });
    expect(rows.C2).toMatchObject({ result: 'partially_compliant', inferred: true, version: 2 }); // unchanged
    expect(rows.C3).toMatchObject({ result: 'compliant', inferred: true }); // A3 compliant through equal∘superset
    expect(rows.C4).toMatchObject({ result: 'compliant', inferred: false, inference: null }); // the person's
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.objectId, created.id)));
    expect(events.map((e) => e.action)).toContain('compliance_assessment.inference_refreshed');

    // Sources that no longer support an inferred result put the row back to not assessed.
    await setResults(t.database, sourceId, ids.A, { A1: 'not_assessed' });
    const again = await call(t.app, session, { method: 'POST', url, headers: { 'if-match': '"2"' }, payload: {} });
    expect(again.statusCode, again.body).toBe(200);
    expect((await rowsOf(created.id)).C1).toMatchObject({ result: 'not_assessed', inferred: false, inference: null });
  });

  it('refuses to refresh a locked or non-inferred assessment (409)', async () => {
    const { session, ids, sourceId, rootFolderId, organizationId } = await arrange();
    const plain = await assessWith(t.database, { organizationId, folderId: rootFolderId, frameworkId: ids.C }, {});
    const notInferred = await call(t.app, session, {
      method: 'POST',
      url: `/api/v1/compliance-assessments/${plain}/refresh-inference`,
      payload: { version: 1 },
    });
    expect(notInferred.statusCode, notInferred.body).toBe(409);
    await t.database.db
      .update(complianceAssessments)
      .set({ status: 'done', lockedAt: new Date() })
      .where(eq(complianceAssessments.id, plain));
    const locked = await call(t.app, session, {
      method: 'POST',
      url: `/api/v1/compliance-assessments/${plain}/refresh-inference`,
      payload: { version: 1, sourceAssessmentIds: [sourceId] },
    });
    expect(locked.statusCode, locked.body).toBe(409);
  });
});
