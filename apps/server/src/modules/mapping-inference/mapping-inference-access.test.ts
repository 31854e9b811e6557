import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assessWith, loadChainedLibrary } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const missing = '00000000-0000-4000-8000-000000000000';

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

describe('mapping inference API: access and validation', () => {
  it('401 without credentials on every endpoint', async () => {
    const body = { sourceAssessmentIds: [missing], targetFrameworkId: missing, folderId: missing, name: 'x' };
    for (const [method, url, payload] of [
      ['POST', '/api/v1/mapping-inference/preview', { sourceAssessmentIds: [missing], targetFrameworkId: missing }],
      ['GET', `/api/v1/mapping-inference/reachable-frameworks?frameworkId=${missing}`, undefined],
      ['POST', '/api/v1/compliance-assessments/infer', body],
      ['POST', `/api/v1/compliance-assessments/${missing}/refresh-inference`, { version: 1 }],
    ] as const) {
      expect((await t.app.inject({ method, url, payload })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('400 on bad input, naming the field', async () => {
    const { session, ids, sourceId, rootFolderId } = await arrange();
    const base = { sourceAssessmentIds: [sourceId], targetFrameworkId: ids.C, folderId: rootFolderId, name: 'x' };
    for (const [payload, field] of [
      [{ ...base, sourceAssessmentIds: [] }, 'sourceAssessmentIds'],
      [{ ...base, sourceAssessmentIds: ['nope'] }, 'sourceAssessmentIds'],
      [{ ...base, targetFrameworkId: 'nope' }, 'targetFrameworkId'],
      [{ ...base, name: '' }, 'name'],
      [{ ...base, name: 'x'.repeat(301) }, 'name'],
      [{ ...base, surprise: true }, ''],
      [{ ...base, implementationGroups: ['gold'] }, 'implementationGroups'],
    ] as const) {
      const response = await infer(session, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toContain(field);
    }
    const badQuery = await call(t.app, session, {
      method: 'GET',
      url: '/api/v1/mapping-inference/reachable-frameworks?frameworkId=nope',
    });
    expect(badQuery.statusCode).toBe(400);
    const badParam = await call(t.app, session, {
      method: 'POST',
      url: '/api/v1/compliance-assessments/nope/refresh-inference',
      payload: { version: 1 },
    });
    expect(badParam.statusCode).toBe(400);
  });

  it('403 when the caller may read but not create or update', async () => {
    const { session, ids, sourceId, rootFolderId, organizationId } = await arrange();
    const created = (
      await infer(session, {
        sourceAssessmentIds: [sourceId],
        targetFrameworkId: ids.C,
        folderId: rootFolderId,
        name: 'C',
      })
    ).json();
    const reader = await userWithRole(t.app, t.database, { organizationId, folderId: rootFolderId, role: 'reader' });
    const preview = await call(t.app, reader.session, {
      method: 'POST',
      url: '/api/v1/mapping-inference/preview',
      payload: { sourceAssessmentIds: [sourceId], targetFrameworkId: ids.C },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const create = await infer(reader.session, {
      sourceAssessmentIds: [sourceId],
      targetFrameworkId: ids.C,
      folderId: rootFolderId,
      name: 'C',
    });
    expect(create.statusCode, create.body).toBe(403);
    const refresh = await call(t.app, reader.session, {
      method: 'POST',
      url: `/api/v1/compliance-assessments/${created.id}/refresh-inference`,
      payload: { version: 1 },
    });
    expect(refresh.statusCode, refresh.body).toBe(403);
  });

  it('404 for what the caller cannot read or another organisation owns', async () => {
    const mine = await arrange();
    const theirs = await arrange();
    const subfolder = await createFolder(t.app, mine.session, mine.rootFolderId);
    // A contributor confined to a subfolder cannot read the source assessment in the root folder.
    const confined = await userWithRole(t.app, t.database, {
      organizationId: mine.organizationId,
      folderId: subfolder.id,
      role: 'contributor',
    });
    const payload = {
      sourceAssessmentIds: [mine.sourceId],
      targetFrameworkId: mine.ids.C,
      folderId: mine.rootFolderId,
      name: 'C',
    };
    for (const [session, body] of [
      [mine.session, { ...payload, sourceAssessmentIds: [theirs.sourceId] }],
      [mine.session, { ...payload, targetFrameworkId: theirs.ids.C }],
      [mine.session, { ...payload, folderId: theirs.rootFolderId }],
      [mine.session, { ...payload, sourceAssessmentIds: [missing] }],
      [confined.session, { ...payload, folderId: subfolder.id }],
    ] as const) {
      const response = await infer(session, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(404);
    }
    const theirsCreated = (
      await infer(theirs.session, {
        sourceAssessmentIds: [theirs.sourceId],
        targetFrameworkId: theirs.ids.C,
        folderId: theirs.rootFolderId,
        name: 'C',
      })
    ).json();
    const refresh = await call(t.app, mine.session, {
      method: 'POST',
      url: `/api/v1/compliance-assessments/${theirsCreated.id}/refresh-inference`,
      payload: { version: 1 },
    });
    expect(refresh.statusCode).toBe(404);
    const reachable = await call(t.app, mine.session, {
      method: 'GET',
      url: `/api/v1/mapping-inference/reachable-frameworks?frameworkId=${theirs.ids.C}`,
    });
    expect(reachable.statusCode).toBe(404);
  });
});
