import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
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

const missing = '00000000-0000-4000-8000-000000000000';

async function orgWithFramework() {
  const org = await createOrgWithOwner(t.app, t.database);
  const frameworkId = await seedFramework(t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
  });
  return { ...org, frameworkId };
}

describe('compliance assessments API', () => {
  it('401 without credentials on every endpoint', async () => {
    const folderId = missing;
    const bodies = {
      create: { folderId, frameworkId: missing, name: 'x' },
      patch: { version: 1, name: 'x' },
      bulk: { items: [{ id: missing, version: 1 }], changes: { result: 'compliant' } },
      raPatch: { version: 1, result: 'compliant' },
      links: { version: 1, evidenceIds: [] },
    };
    for (const [method, url, payload] of [
      ['GET', api, undefined],
      ['POST', api, bodies.create],
      ['GET', `${api}/${missing}`, undefined],
      ['PATCH', `${api}/${missing}`, bodies.patch],
      ['DELETE', `${api}/${missing}?version=1`, undefined],
      ['GET', `${api}/${missing}/summary`, undefined],
      ['GET', `${api}/${missing}/requirements`, undefined],
      ['GET', `${api}/${missing}/compare/${missing}`, undefined],
      ['POST', `${api}/${missing}/requirement-assessments/bulk`, bodies.bulk],
      ['GET', `/api/v1/requirement-assessments/${missing}`, undefined],
      ['PATCH', `/api/v1/requirement-assessments/${missing}`, bodies.raPatch],
      ['PUT', `/api/v1/requirement-assessments/${missing}/links`, bodies.links],
    ] as const) {
      expect((await t.app.inject({ method, url, payload })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('creates one requirement assessment per assessable, non-withdrawn requirement, and audits it', async () => {
    const { session, rootFolderId, frameworkId } = await orgWithFramework();
    const all = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId, name: 'All' });
    expect(all).toMatchObject({ name: 'All', status: 'planned', requirementCount: 5, progress: 0 });
    expect(all.abilities).toMatchObject({ update: true, delete: true, editRequirements: true, approve: true });
    const items = await workspaceOf(t.app, session, all.id);
    expect(items.map((i) => i.refId)).toEqual(['GOV', 'GOV-1', 'GOV-2', 'GOV-3', 'OPS', 'OPS-1', 'OPS-1(1)', 'OPS-2']);
    expect(items.filter((i) => i.assessment).map((i) => i.refId)).toEqual([
      'GOV-1',
      'GOV-2',
      'OPS-1',
      'OPS-1(1)',
      'OPS-2',
    ]);
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('compliance_assessment.created');
  });

  it('restricts the rows to the chosen implementation groups, and 400 on groups the framework lacks', async () => {
    const { session, rootFolderId, frameworkId } = await orgWithFramework();
    const basic = await createAssessment(t.app, session, {
      folderId: rootFolderId,
      frameworkId,
      implementationGroups: ['basic'],
    });
    expect(basic.requirementCount).toBe(3);
    const items = await workspaceOf(t.app, session, basic.id);
    expect(items.filter((i) => i.assessment).map((i) => i.refId)).toEqual(['GOV-1', 'OPS-1', 'OPS-2']);
    const both = await createAssessment(t.app, session, {
      folderId: rootFolderId,
      frameworkId,
      implementationGroups: ['basic', 'extended'],
    });
    expect(both.requirementCount).toBe(5);
    const bad = await call(t.app, session, {
      method: 'POST',
      url: api,
      payload: { folderId: rootFolderId, frameworkId, name: 'X', implementationGroups: ['basic', 'IG9'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.implementationGroups');
    expect(bad.json().errors[0].message).toContain('IG9');
  });

  it('400 on bad input, unknown framework or folder, and bad ids', async () => {
    const { session, rootFolderId, frameworkId } = await orgWithFramework();
    const other = await orgWithFramework();
    for (const [payload, field] of [
      [{ folderId: rootFolderId, frameworkId }, 'body.name'],
      [{ folderId: rootFolderId, frameworkId, name: 'x', extra: 1 }, ''],
      [{ folderId: rootFolderId, frameworkId, name: 'x', dueDate: '31/12/2026' }, 'body.dueDate'],
      [{ folderId: rootFolderId, frameworkId, name: 'x', scoringMethod: 'median' }, 'body.scoringMethod'],
      [{ folderId: rootFolderId, frameworkId: other.frameworkId, name: 'x' }, 'body.frameworkId'],
      [{ folderId: other.rootFolderId, frameworkId, name: 'x' }, 'body.folderId'],
      [{ folderId: rootFolderId, frameworkId, name: 'x', authorIds: [other.owner.id] }, 'body.authorIds'],
    ] as const) {
      const response = await call(t.app, session, { method: 'POST', url: api, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      if (field) expect(JSON.stringify(response.json().errors)).toContain(field);
    }
    for (const url of [`${api}/nope`, `${api}?status=finished`, `${api}?folderId=x`, `${api}?cursor=zz`]) {
      expect((await call(t.app, session, { method: 'GET', url })).statusCode, url).toBe(400);
    }
  });

  it('creates against a library framework (no organisation) as well', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const shipped = await seedFramework(
      t.database,
      { organizationId: null, folderId: null },
      miniFramework({ version: `lib-${Date.now()}` }),
    );
    const created = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: shipped });
    expect(created.requirementCount).toBe(5);
  });

  it('lists with framework, progress, counts and filters, scoped to readable folders', async () => {
    const { session, organization, rootFolderId, frameworkId } = await orgWithFramework();
    const sub = await createFolder(t.app, session, rootFolderId, 'Team A');
    const inRoot = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId, name: 'Root one' });
    const inSub = await createAssessment(t.app, session, { folderId: sub.id, frameworkId, name: 'Sub one' });
    const items = await workspaceOf(t.app, session, inSub.id);
    const gov1 = byRef(items, 'GOV-1');
    await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/requirement-assessments/${gov1.id}`,
      payload: { version: gov1.version, result: 'compliant' },
    });
    const list = await call(t.app, session, { method: 'GET', url: api });
    expect(list.statusCode, list.body).toBe(200);
    const sorted = list.json().items;
    expect(sorted.map((a: { name: string }) => a.name)).toEqual(['Root one', 'Sub one']);
    expect(sorted[1]).toMatchObject({
      frameworkName: 'Mini framework',
      frameworkVersion: '1',
      folderName: 'Team A',
      progress: 20,
      requirementCount: 5,
      results: { compliant: 1, not_assessed: 4 },
    });
    const bySub = await call(t.app, session, { method: 'GET', url: `${api}?folderId=${sub.id}` });
    expect(bySub.json().items.map((a: { id: string }) => a.id)).toEqual([inSub.id]);
    const byQ = await call(t.app, session, { method: 'GET', url: `${api}?q=root` });
    expect(byQ.json().items.map((a: { id: string }) => a.id)).toEqual([inRoot.id]);
    const byStatus = await call(t.app, session, { method: 'GET', url: `${api}?status=done` });
    expect(byStatus.json().items).toEqual([]);
    const byFw = await call(t.app, session, { method: 'GET', url: `${api}?frameworkId=${frameworkId}&limit=1` });
    expect(byFw.json().items).toHaveLength(1);
    expect(byFw.json().nextCursor).not.toBeNull();

    const subReader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const scoped = await call(t.app, subReader.session, { method: 'GET', url: api });
    expect(scoped.json().items.map((a: { id: string }) => a.id)).toEqual([inSub.id]);
    expect((await call(t.app, subReader.session, { method: 'GET', url: `${api}/${inRoot.id}` })).statusCode).toBe(404);
  });

  it('404 for another organisation’s assessment everywhere', async () => {
    const mine = await orgWithFramework();
    const theirs = await orgWithFramework();
    const a = await createAssessment(t.app, theirs.session, {
      folderId: theirs.rootFolderId,
      frameworkId: theirs.frameworkId,
    });
    const ra = byRef(await workspaceOf(t.app, theirs.session, a.id), 'GOV-1');
    const own = await createAssessment(t.app, mine.session, {
      folderId: mine.rootFolderId,
      frameworkId: mine.frameworkId,
    });
    for (const [method, url, payload] of [
      ['GET', `${api}/${a.id}`, undefined],
      ['GET', `${api}/${a.id}/summary`, undefined],
      ['GET', `${api}/${a.id}/requirements`, undefined],
      ['GET', `${api}/${own.id}/compare/${a.id}`, undefined],
      ['PATCH', `${api}/${a.id}`, { version: 1, name: 'x' }],
      ['DELETE', `${api}/${a.id}?version=1`, undefined],
      ['GET', `/api/v1/requirement-assessments/${ra.id}`, undefined],
      ['PATCH', `/api/v1/requirement-assessments/${ra.id}`, { version: 1, result: 'compliant' }],
      ['PUT', `/api/v1/requirement-assessments/${ra.id}/links`, { version: 1, evidenceIds: [] }],
      [
        'POST',
        `${api}/${a.id}/requirement-assessments/bulk`,
        { items: [{ id: ra.id, version: 1 }], changes: { result: 'compliant' } },
      ],
    ] as const) {
      const response = await call(t.app, mine.session, { method, url, payload });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = await call(t.app, mine.session, { method: 'GET', url: api });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([own.id]);
  });

  it('updates with versions (409 when stale), moves, sets people, and deletes', async () => {
    const { session, owner, rootFolderId, frameworkId } = await orgWithFramework();
    const sub = await createFolder(t.app, session, rootFolderId);
    const a = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const updated = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: {
        version: a.version,
        name: 'Renamed',
        dueDate: '2027-01-31',
        scoringMethod: 'sum',
        status: 'in_progress',
        folderId: sub.id,
        authorIds: [owner.id],
        reviewerIds: [owner.id],
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Renamed',
      dueDate: '2027-01-31',
      scoringMethod: 'sum',
      status: 'in_progress',
      folderId: sub.id,
      version: 2,
      authors: [{ id: owner.id }],
      reviewers: [{ id: owner.id }],
    });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: { version: 1, name: 'Late' },
    });
    expect(stale.statusCode).toBe(409);
    const noVersion = await call(t.app, session, { method: 'PATCH', url: `${api}/${a.id}`, payload: { name: 'x' } });
    expect(noVersion.statusCode).toBe(428);
    const folderBusy = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${sub.id}?version=1` });
    expect(folderBusy.statusCode).toBe(409);
    expect(folderBusy.json().detail).toContain('compliance assessment');
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${a.id}?version=1` })).statusCode).toBe(409);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${a.id}?version=2` })).statusCode).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${a.id}` })).statusCode).toBe(404);
  });

  it('locks when done: requirement changes are refused (409); reopening needs approve', async () => {
    const { session, organization, rootFolderId, frameworkId } = await orgWithFramework();
    const contributor = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'contributor',
    });
    const a = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const ra = byRef(await workspaceOf(t.app, session, a.id), 'GOV-1');
    const byContributor = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(byContributor.statusCode).toBe(403);
    const done = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: { version: 1, status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().lockedAt).not.toBeNull();
    expect(done.json().abilities.editRequirements).toBe(false);
    const refused = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/requirement-assessments/${ra.id}`,
      payload: { version: ra.version, result: 'compliant' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/locked/);
    const bulk = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${a.id}/requirement-assessments/bulk`,
      payload: { items: [{ id: ra.id, version: ra.version }], changes: { result: 'compliant' } },
    });
    expect(bulk.statusCode).toBe(409);
    const reopenByContributor = await call(t.app, contributor.session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: { version: 2, status: 'in_progress' },
    });
    expect(reopenByContributor.statusCode).toBe(403);
    const reopened = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${a.id}`,
      payload: { version: 2, status: 'in_progress' },
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', lockedAt: null });
    const accepted = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/requirement-assessments/${ra.id}`,
      payload: { version: ra.version, result: 'compliant' },
    });
    expect(accepted.statusCode).toBe(200);
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('compliance_assessment.reopened');
  });
});
