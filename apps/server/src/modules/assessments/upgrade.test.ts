import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import type { FrameworkContent } from '../frameworks/library-content.js';
import { assessmentsApi as api, byRef, createAssessment, seedFramework, workspaceOf } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const raApi = '/api/v1/requirement-assessments';
const missing = '00000000-0000-4000-8000-000000000000';

/**
 * Two versions of one small framework: KEEP unchanged, RENAME renamed, REMOVE gone in v2, ADD new in v2; the
 * scale shrinks from 0–5 to 0–3.
 */
function versions(tag: string) {
  const urn = `urn:test:${tag}:fw`;
  const node = (code: string, name: string, parent = true) => ({
    urn: `urn:test:${tag}:${code}`,
    ...(parent ? { parentUrn: `urn:test:${tag}:s` } : {}),
    refId: code.toUpperCase(),
    name,
    assessable: parent,
  });
  const base = { urn, refId: `FW-${tag}`, name: `Versioned ${tag}`, implementationGroups: [] };
  const v1: FrameworkContent = {
    ...base,
    frameworkVersion: '1.9',
    minScore: 0,
    maxScore: 5,
    nodes: [node('s', 'Section', false), node('keep', 'Kept'), node('rename', 'Old name'), node('remove', 'Dropped')],
  };
  const v2: FrameworkContent = {
    ...base,
    frameworkVersion: '1.10',
    minScore: 0,
    maxScore: 3,
    nodes: [node('s', 'Section', false), node('keep', 'Kept'), node('rename', 'New name'), node('add', 'Added')],
  };
  return { urn, v1, v2 };
}

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const { session, organization, rootFolderId } = org;
  const owner = { organizationId: organization.id, folderId: rootFolderId };
  const tag = randomBytes(4).toString('hex');
  const { urn, v1, v2 } = versions(tag);
  const content = (framework: FrameworkContent) => ({
    sourceFormat: 'rampart' as const,
    sourceSha256: randomBytes(32).toString('hex'),
    frameworks: [framework],
    referenceControls: [],
    mappingSets: [],
  });
  const v1Id = await seedFramework(t.database, owner, content(v1));
  const v2Id = await seedFramework(t.database, owner, content(v2));
  const assessment = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: v1Id });
  const items = await workspaceOf(t.app, session, assessment.id);
  const set = async (ref: string, payload: Record<string, unknown>) => {
    const ra = byRef(items, ref);
    const r = await call(t.app, session, {
      method: 'PATCH',
      url: `${raApi}/${ra.id}`,
      payload: { version: ra.version, ...payload },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { id: string; version: number };
  };
  const keep = await set('KEEP', { result: 'compliant', score: 2, isScored: true, observation: 'Fine' });
  await set('RENAME', { result: 'partially_compliant', score: 5, isScored: true });
  const removed = await set('REMOVE', { result: 'non_compliant', observation: 'Gap noted' });
  const [ev] = await t.database.db
    .insert(evidence)
    .values({ organizationId: organization.id, folderId: rootFolderId, name: 'Proof' })
    .returning();
  const [control] = await t.database.db
    .insert(appliedControls)
    .values({ organizationId: organization.id, folderId: rootFolderId, name: 'Control' })
    .returning();
  if (!ev || !control) throw new Error('links not inserted');
  for (const ra of [keep, removed]) {
    const r = await call(t.app, session, {
      method: 'PUT',
      url: `${raApi}/${ra.id}/links`,
      payload: { version: ra.version, evidenceIds: [ev.id], appliedControlIds: [control.id] },
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  const current = (await call(t.app, session, { method: 'GET', url: `${api}/${assessment.id}` })).json();
  return {
    ...org,
    tag,
    urn,
    v1,
    v2,
    v1Id,
    v2Id,
    assessment,
    version: current.version as number,
    ev,
    control,
    keep,
    removed,
  };
}

const preview = (session: Session, id: string, frameworkId: string) =>
  call(t.app, session, { method: 'POST', url: `${api}/${id}/upgrade-preview`, payload: { frameworkId } });
const upgrade = (session: Session, id: string, payload: Record<string, unknown>) =>
  call(t.app, session, { method: 'POST', url: `${api}/${id}/upgrade`, payload });

describe('assessment upgrade to another framework version', () => {
  it('lists the other loaded versions and previews the exact report', async () => {
    const s = await setup();
    const targets = await call(t.app, s.session, { method: 'GET', url: `${api}/${s.assessment.id}/upgrade-targets` });
    expect(targets.statusCode, targets.body).toBe(200);
    expect(targets.json().items).toEqual([
      { id: s.v2Id, name: s.v2.name, frameworkVersion: '1.10', direction: 'newer' },
    ]);

    const r = await preview(s.session, s.assessment.id, s.v2Id);
    expect(r.statusCode, r.body).toBe(200);
    const u = (code: string) => `urn:test:${s.tag}:${code}`;
    expect(r.json()).toEqual({
      from: { id: s.v1Id, name: s.v1.name, frameworkVersion: '1.9' },
      to: { id: s.v2Id, name: s.v2.name, frameworkVersion: '1.10' },
      direction: 'newer',
      added: [{ urn: u('add'), refId: 'ADD', name: 'Added' }],
      removed: [
        {
          urn: u('remove'),
          refId: 'REMOVE',
          name: 'Dropped',
          reason: 'deleted',
          result: 'non_compliant',
          status: 'to_do',
          hasObservation: true,
          evidenceCount: 1,
          controlCount: 1,
        },
      ],
      changed: [
        { urn: u('rename'), refId: 'RENAME', nameBefore: 'Old name', nameAfter: 'New name', changes: ['name'] },
      ],
      unchangedCount: 1,
      scoresCleared: [{ urn: u('rename'), refId: 'RENAME', score: 5 }],
    });
    // A preview writes nothing.
    const after = (await call(t.app, s.session, { method: 'GET', url: `${api}/${s.assessment.id}` })).json();
    expect(after).toMatchObject({ frameworkId: s.v1Id, version: s.version });
  });

  it('keeps matched results and links, adds and removes, and audits what was removed', async () => {
    const s = await setup();
    const r = await upgrade(s.session, s.assessment.id, { frameworkId: s.v2Id, version: s.version });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().assessment).toMatchObject({
      frameworkId: s.v2Id,
      frameworkVersion: '1.10',
      version: s.version + 1,
      requirementCount: 3,
      maxScore: 3,
    });
    expect(r.json().report.added).toHaveLength(1);

    const items = await workspaceOf(t.app, s.session, s.assessment.id);
    expect(items.map((i) => i.refId)).toEqual(['S', 'KEEP', 'RENAME', 'ADD']);
    const kept = byRef(items, 'KEEP');
    expect(kept.id).toBe(s.keep.id);
    const keptDetail = (await call(t.app, s.session, { method: 'GET', url: `${raApi}/${kept.id}` })).json();
    expect(keptDetail).toMatchObject({
      result: 'compliant',
      score: 2,
      isScored: true,
      observation: 'Fine',
      requirement: { urn: `urn:test:${s.tag}:keep` },
    });
    expect(keptDetail.evidence.map((e: { id: string }) => e.id)).toEqual([s.ev.id]);
    expect(keptDetail.appliedControls.map((c: { id: string }) => c.id)).toEqual([s.control.id]);
    expect(items.find((i) => i.refId === 'RENAME')?.assessment).toMatchObject({
      result: 'partially_compliant',
      score: null,
      isScored: false,
    });
    expect(byRef(items, 'ADD')).toMatchObject({ result: 'not_assessed', status: 'to_do' });
    expect((await call(t.app, s.session, { method: 'GET', url: `${raApi}/${s.removed.id}` })).statusCode).toBe(404);

    const [event] = await t.database.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, s.assessment.id), eq(auditEvents.action, 'compliance_assessment.upgraded')));
    expect(event?.changes).toMatchObject({
      frameworkId: { before: s.v1Id, after: s.v2Id },
      frameworkVersion: { before: '1.9', after: '1.10' },
      report: { after: r.json().report },
      removedRequirementAssessments: {
        before: [
          {
            id: s.removed.id,
            refId: 'REMOVE',
            reason: 'deleted',
            result: 'non_compliant',
            observation: 'Gap noted',
            evidenceIds: [s.ev.id],
            appliedControlIds: [s.control.id],
          },
        ],
      },
      clearedScores: { before: [{ urn: `urn:test:${s.tag}:rename`, score: 5 }] },
    });

    // Back to v1 works too (another loaded version), and the report says it is older.
    const back = await preview(s.session, s.assessment.id, s.v1Id);
    expect(back.json()).toMatchObject({
      direction: 'older',
      added: [{ refId: 'REMOVE' }],
      removed: [{ refId: 'ADD' }],
    });
  });

  it('refuses a locked assessment (409) and a stale or missing version', async () => {
    const s = await setup();
    const renamed = await call(t.app, s.session, {
      method: 'PATCH',
      url: `${api}/${s.assessment.id}`,
      payload: { version: s.version, name: 'Renamed meanwhile' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await upgrade(s.session, s.assessment.id, { frameworkId: s.v2Id, version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await upgrade(s.session, s.assessment.id, { frameworkId: s.v2Id })).statusCode).toBe(428);

    const lock = await call(t.app, s.session, {
      method: 'PATCH',
      url: `${api}/${s.assessment.id}`,
      payload: { version: s.version + 1, status: 'done' },
    });
    expect(lock.statusCode, lock.body).toBe(200);
    const locked = await upgrade(s.session, s.assessment.id, { frameworkId: s.v2Id, version: s.version + 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('conflict');
    expect((await preview(s.session, s.assessment.id, s.v2Id)).statusCode).toBe(200);
    const unchanged = (await call(t.app, s.session, { method: 'GET', url: `${api}/${s.assessment.id}` })).json();
    expect(unchanged.frameworkId).toBe(s.v1Id);
  });

  it('lists the assessments of one framework URN whatever the version, searchable by name (compare candidates)', async () => {
    const s = await setup();
    const onV2 = await createAssessment(t.app, s.session, {
      folderId: s.rootFolderId,
      frameworkId: s.v2Id,
      name: 'Second pass',
    });
    const otherFramework = await seedFramework(t.database, {
      organizationId: s.organization.id,
      folderId: s.rootFolderId,
    });
    await createAssessment(t.app, s.session, {
      folderId: s.rootFolderId,
      frameworkId: otherFramework,
      name: 'Second other',
    });
    const list = async (query: string) => {
      const r = await call(t.app, s.session, { method: 'GET', url: `${api}?${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { id: string }[]).map((i) => i.id).sort();
    };
    const urn = encodeURIComponent(s.urn);
    expect(await list(`frameworkUrn=${urn}`)).toEqual([s.assessment.id, onV2.id].sort());
    expect(await list(`frameworkUrn=${urn}&q=second`)).toEqual([onV2.id]);
    const tooLong = await call(t.app, s.session, { method: 'GET', url: `${api}?frameworkUrn=${'u'.repeat(301)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('query.frameworkUrn');
  });

  it('answers 401, 400, 403 and 404 on every endpoint', async () => {
    const s = await setup();
    const id = s.assessment.id;
    const targetsUrl = `${api}/${id}/upgrade-targets`;
    // 401
    for (const [method, url, payload] of [
      ['GET', targetsUrl, undefined],
      ['POST', `${api}/${id}/upgrade-preview`, { frameworkId: s.v2Id }],
      ['POST', `${api}/${id}/upgrade`, { frameworkId: s.v2Id, version: s.version }],
    ] as const) {
      expect((await call(t.app, null, { method, url, payload })).statusCode).toBe(401);
    }
    // 400: bad ids, unknown fields, another framework, the same version, an unknown framework
    const other = await seedFramework(t.database, { organizationId: s.organization.id, folderId: s.rootFolderId });
    const bad: [string, Record<string, unknown>, string][] = [
      ['nope', { frameworkId: s.v2Id, version: s.version }, 'params.id'],
      [id, { frameworkId: 'nope', version: s.version }, 'body.frameworkId'],
      [id, { frameworkId: s.v2Id, version: s.version, extra: 1 }, 'body'],
      [id, { frameworkId: other, version: s.version }, 'body.frameworkId'],
      [id, { frameworkId: s.v1Id, version: s.version }, 'body.frameworkId'],
      [id, { frameworkId: missing, version: s.version }, 'body.frameworkId'],
    ];
    for (const [target, payload, field] of bad) {
      for (const action of ['upgrade', 'upgrade-preview']) {
        const body = action === 'upgrade' ? payload : { ...payload, version: undefined };
        const r = await call(t.app, s.session, { method: 'POST', url: `${api}/${target}/${action}`, payload: body });
        expect(r.statusCode, `${action} ${JSON.stringify(payload)}`).toBe(400);
        expect(JSON.stringify(r.json().errors ?? []), r.body).toContain(field);
      }
    }
    expect((await call(t.app, s.session, { method: 'GET', url: `${api}/nope/upgrade-targets` })).statusCode).toBe(400);
    // 403: a reader may list the candidates but neither preview nor upgrade
    const reader = (
      await userWithRole(t.app, t.database, {
        organizationId: s.organization.id,
        folderId: s.rootFolderId,
        role: 'reader',
      })
    ).session;
    expect((await call(t.app, reader, { method: 'GET', url: targetsUrl })).statusCode).toBe(200);
    expect((await preview(reader, id, s.v2Id)).statusCode).toBe(403);
    expect((await upgrade(reader, id, { frameworkId: s.v2Id, version: s.version })).statusCode).toBe(403);
    // 404: another organisation's assessment, or none
    const stranger = await createOrgWithOwner(t.app, t.database);
    for (const who of [stranger.session, s.session]) {
      const target = who === s.session ? missing : id;
      expect((await call(t.app, who, { method: 'GET', url: `${api}/${target}/upgrade-targets` })).statusCode).toBe(404);
      expect((await preview(who, target, s.v2Id)).statusCode).toBe(404);
      expect((await upgrade(who, target, { frameworkId: s.v2Id, version: s.version })).statusCode).toBe(404);
    }
    // Nothing of the above changed the assessment.
    const unchanged = (await call(t.app, s.session, { method: 'GET', url: `${api}/${id}` })).json();
    expect(unchanged).toMatchObject({ frameworkId: s.v1Id, version: s.version });
  });
});
