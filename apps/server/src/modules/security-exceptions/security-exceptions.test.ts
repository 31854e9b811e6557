import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { createControl } from '../controls/testing.js';
import { exceptionsApi as api, createException, insertRequirementAssessments } from './testing.js';

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
  const requirements = await insertRequirementAssessments(t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
  });
  const control = await createControl(t.app, org.session, org.rootFolderId);
  return { ...org, reader, requirements: requirements.ids, control };
}

const linkRequests = (id: string, target: string) =>
  [
    { method: 'PUT', url: `${api}/${id}/requirement-assessments`, payload: { requirementAssessmentIds: [] } },
    { method: 'POST', url: `${api}/${id}/requirement-assessments`, payload: { requirementAssessmentId: target } },
    { method: 'DELETE', url: `${api}/${id}/requirement-assessments/${target}` },
    { method: 'PUT', url: `${api}/${id}/applied-controls`, payload: { appliedControlIds: [] } },
    { method: 'POST', url: `${api}/${id}/applied-controls`, payload: { appliedControlId: target } },
    { method: 'DELETE', url: `${api}/${id}/applied-controls/${target}` },
  ] as const;

describe('security exceptions: the HTTP matrix', () => {
  it('answers 401 without a session on every endpoint', async () => {
    const requests = [
      { method: 'GET', url: api },
      { method: 'GET', url: `${api}/${missing}` },
      { method: 'POST', url: api, payload: { folderId: missing, name: 'x' } },
      { method: 'PATCH', url: `${api}/${missing}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${missing}?version=1` },
      { method: 'POST', url: `${api}/${missing}/transition`, payload: { version: 1, to: 'in_review' } },
      ...linkRequests(missing, missing),
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, null, request)).statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });

  it('answers 400 naming the field on bad input', async () => {
    const { session, rootFolderId } = await setup();
    const created = await createException(t.app, session, rootFolderId);
    const cases = [
      { request: { method: 'GET', url: `${api}?severity=huge` }, field: 'query.severity' },
      { request: { method: 'GET', url: `${api}?requirementAssessmentId=x` }, field: 'query.requirementAssessmentId' },
      { request: { method: 'GET', url: `${api}/nope` }, field: 'params.id' },
      { request: { method: 'POST', url: api, payload: { folderId: rootFolderId } }, field: 'body.name' },
      {
        request: { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x', severity: 'urgent' } },
        field: 'body.severity',
      },
      {
        request: { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: 1, expiryDate: '2026-13-01' } },
        field: 'body.expiryDate',
      },
      {
        request: { method: 'POST', url: `${api}/${created.id}/transition`, payload: { version: 1, to: 'open' } },
        field: 'body.to',
      },
      {
        request: { method: 'PUT', url: `${api}/${created.id}/applied-controls`, payload: { appliedControlIds: 'x' } },
        field: 'body.appliedControlIds',
      },
      {
        request: { method: 'POST', url: `${api}/${created.id}/requirement-assessments`, payload: {} },
        field: 'body.requirementAssessmentId',
      },
      { request: { method: 'DELETE', url: `${api}/${created.id}/applied-controls/x` }, field: 'params.targetId' },
      { request: { method: 'DELETE', url: `${api}/${created.id}?version=x` }, field: 'query.version' },
    ] as const;
    for (const { request, field } of cases) {
      const response = await call(t.app, session, request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const outsider = await createOrgWithOwner(t.app, t.database);
    for (const field of ['ownerId', 'approverId']) {
      const refused = await call(t.app, session, {
        method: 'POST',
        url: api,
        payload: { folderId: rootFolderId, name: 'x', [field]: outsider.owner.id },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe(`body.${field}`);
    }
  });

  it('answers 403 to a reader who can see but not act', async () => {
    const { session, rootFolderId, reader, requirements, control } = await setup();
    const created = await createException(t.app, session, rootFolderId, {
      requirementAssessmentIds: [requirements[0]],
      appliedControlIds: [control.id],
    });
    const requests = [
      { method: 'POST', url: api, payload: { folderId: rootFolderId, name: 'x' } },
      { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: created.version, name: 'x' } },
      { method: 'DELETE', url: `${api}/${created.id}?version=${created.version}` },
      {
        method: 'POST',
        url: `${api}/${created.id}/transition`,
        payload: { version: created.version, to: 'in_review' },
      },
      ...linkRequests(created.id, control.id).filter((r) => r.url.includes('applied-controls')),
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, reader.session, request)).statusCode, `${request.method} ${request.url}`).toBe(403);
    }
    const read = await call(t.app, reader.session, { method: 'GET', url: `${api}/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, delete: false, transitions: [] });
  });

  it('answers 404 for another organisation’s exception, folder and link targets', async () => {
    const mine = await setup();
    const theirs = await setup();
    const created = await createException(t.app, theirs.session, theirs.rootFolderId);
    const requests = [
      { method: 'GET', url: `${api}/${created.id}` },
      { method: 'PATCH', url: `${api}/${created.id}`, payload: { version: 1, name: 'x' } },
      { method: 'DELETE', url: `${api}/${created.id}?version=1` },
      { method: 'POST', url: `${api}/${created.id}/transition`, payload: { version: 1, to: 'in_review' } },
      ...linkRequests(created.id, mine.control.id),
      { method: 'POST', url: api, payload: { folderId: theirs.rootFolderId, name: 'x' } },
      {
        method: 'POST',
        url: api,
        payload: { folderId: mine.rootFolderId, name: 'x', requirementAssessmentIds: theirs.requirements },
      },
      {
        method: 'POST',
        url: api,
        payload: { folderId: mine.rootFolderId, name: 'x', appliedControlIds: [theirs.control.id] },
      },
    ] as const;
    for (const request of requests) {
      expect((await call(t.app, mine.session, request)).statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    expect((await call(t.app, mine.session, { method: 'GET', url: api })).json().items).toEqual([]);
  });

  it('creates, links, filters, edits and deletes (2xx)', async () => {
    const { session, rootFolderId, owner, requirements, control } = await setup();
    const [r1, r2] = requirements;
    const created = await createException(t.app, session, rootFolderId, {
      refId: 'EX-1',
      severity: 'high',
      ownerId: owner.id,
      requirementAssessmentIds: [r1],
    });
    expect(created).toMatchObject({
      state: 'draft',
      severity: 'high',
      owner: { id: owner.id },
      approver: null,
      requirementAssessmentCount: 1,
      appliedControlCount: 0,
      abilities: { update: true, delete: true, transitions: ['in_review'] },
    });
    const other = await createException(t.app, session, rootFolderId, { name: 'Other', severity: 'low' });
    const linked = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${created.id}/applied-controls`,
      payload: { appliedControlId: control.id },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().appliedControls).toEqual([
      { id: control.id, refId: null, name: control.name, status: expect.any(String) },
    ]);
    const replaced = await call(t.app, session, {
      method: 'PUT',
      url: `${api}/${created.id}/requirement-assessments`,
      payload: { requirementAssessmentIds: [r1, r2] },
    });
    expect(replaced.json().requirementAssessments).toHaveLength(2);
    expect(replaced.json().requirementAssessments[0]).toMatchObject({
      assessment: { id: expect.any(String) },
      requirement: { urn: expect.any(String) },
      result: 'not_assessed',
    });
    const ids = async (query: string) =>
      (await call(t.app, session, { method: 'GET', url: `${api}${query}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids(`?requirementAssessmentId=${r2}`)).toEqual([created.id]);
    expect(await ids(`?appliedControlId=${control.id}`)).toEqual([created.id]);
    expect(await ids('?severity=low')).toEqual([other.id]);
    expect(await ids('?ownerId=me')).toEqual([created.id]);
    expect(await ids('?q=other')).toEqual([other.id]);
    expect(await ids('?state=draft&sort=-name')).toHaveLength(2);
    const unlinked = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${created.id}/requirement-assessments/${r2}`,
    });
    expect(unlinked.json().requirementAssessmentCount).toBe(1);
    const patched = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${created.id}`,
      payload: { version: created.version, severity: 'critical', justification: 'Vendor patch pending' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ severity: 'critical', version: created.version + 1 });
    const deleted = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${created.id}?version=${patched.json().version}`,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await ids(`?appliedControlId=${control.id}`)).toEqual([]);
  });

  it('scopes lists and links to the caller’s folders, and guards folders holding exceptions', async () => {
    const { session, rootFolderId, organization, requirements } = await setup();
    const sub = await createFolder(t.app, session, rootFolderId, 'Team');
    const inSub = await createException(t.app, session, sub.id, { requirementAssessmentIds: [requirements[0]] });
    await createException(t.app, session, rootFolderId);
    const subReader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const list = await call(t.app, subReader.session, { method: 'GET', url: api });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inSub.id]);
    // The compliance assessment lives in the root folder: not readable from the subfolder.
    const detail = await call(t.app, subReader.session, { method: 'GET', url: `${api}/${inSub.id}` });
    expect(detail.json()).toMatchObject({ requirementAssessmentCount: 0, requirementAssessments: [] });
    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${sub.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('1 security exception(s)');
  });
});
