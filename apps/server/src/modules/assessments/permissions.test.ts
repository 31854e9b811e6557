import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assessmentsApi as api, byRef, createAssessment, seedFramework, workspaceOf } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const raApi = '/api/v1/requirement-assessments';

/**
 * One organisation with an assessment at the root and one in a subfolder; each role bound either at the root or
 * at the subfolder, then every kind of action checked against the expected status.
 */
describe('compliance assessment permissions', () => {
  it('follows the matrix of built-in roles bound at the root or at a subfolder', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const sub = await createFolder(t.app, session, rootFolderId, 'Sub');
    const rootAssessment = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId, name: 'R' });
    const subAssessment = await createAssessment(t.app, session, { folderId: sub.id, frameworkId, name: 'S' });

    const as = async (role: string, at: 'root' | 'sub') =>
      (
        await userWithRole(t.app, t.database, {
          organizationId: organization.id,
          folderId: at === 'root' ? rootFolderId : sub.id,
          role,
        })
      ).session;

    /** Runs each action on a fresh assessment pair state and returns the status codes. */
    async function statuses(user: Session, target: { id: string }) {
      const fresh = await call(t.app, session, { method: 'GET', url: `${api}/${target.id}` });
      const version = fresh.json().version as number;
      const ra = byRef(await workspaceOf(t.app, session, target.id), 'GOV-1');
      const folderId = target.id === rootAssessment.id ? rootFolderId : sub.id;
      const results = {
        read: (await call(t.app, user, { method: 'GET', url: `${api}/${target.id}` })).statusCode,
        create: (await call(t.app, user, { method: 'POST', url: api, payload: { folderId, frameworkId, name: 'New' } }))
          .statusCode,
        review: (
          await call(t.app, user, {
            method: 'PATCH',
            url: `${raApi}/${ra.id}`,
            payload: { version: ra.version, observation: `note ${Math.random()}` },
          })
        ).statusCode,
        assess: (
          await call(t.app, user, {
            method: 'PATCH',
            url: `${raApi}/${ra.id}`,
            payload: { version: ra.version + 1, result: 'compliant' },
          })
        ).statusCode,
        rename: (
          await call(t.app, user, { method: 'PATCH', url: `${api}/${target.id}`, payload: { version, name: 'N' } })
        ).statusCode,
      };
      return results;
    }

    const expectations: [string, 'root' | 'sub', { id: string }, Record<string, number>][] = [
      ['reader', 'root', subAssessment, { read: 200, create: 403, review: 403, assess: 403, rename: 403 }],
      ['reader', 'sub', rootAssessment, { read: 404, create: 400, review: 404, assess: 404, rename: 404 }],
      ['contributor', 'sub', subAssessment, { read: 200, create: 201, review: 200, assess: 200, rename: 200 }],
      ['contributor', 'sub', rootAssessment, { read: 404, create: 400, review: 404, assess: 404, rename: 404 }],
      ['auditor', 'root', rootAssessment, { read: 200, create: 403, review: 200, assess: 403, rename: 403 }],
      ['manager', 'sub', subAssessment, { read: 200, create: 201, review: 200, assess: 200, rename: 200 }],
      ['manager', 'root', rootAssessment, { read: 200, create: 201, review: 200, assess: 200, rename: 200 }],
    ];
    for (const [role, at, target, expected] of expectations) {
      const user = await as(role, at);
      // "assess" sends the version after "review": permission checks come before version checks either way.
      const got = await statuses(user, target);
      expect(got, `${role} bound at ${at} on ${target.id === rootAssessment.id ? 'root' : 'sub'}`).toEqual(expected);
    }

    // Locking and reopening: manager (approve) yes, contributor no, auditor no.
    const contributor = await as('contributor', 'root');
    const auditor = await as('auditor', 'root');
    const manager = await as('manager', 'sub');
    const version = (await call(t.app, session, { method: 'GET', url: `${api}/${subAssessment.id}` })).json().version;
    for (const user of [contributor, auditor]) {
      const r = await call(t.app, user, {
        method: 'PATCH',
        url: `${api}/${subAssessment.id}`,
        payload: { version, status: 'done' },
      });
      expect(r.statusCode).toBe(403);
    }
    const locked = await call(t.app, manager, {
      method: 'PATCH',
      url: `${api}/${subAssessment.id}`,
      payload: { version, status: 'done' },
    });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(
      (await call(t.app, contributor, { method: 'GET', url: `${api}/${subAssessment.id}` })).json().abilities,
    ).toMatchObject({
      update: true,
      editRequirements: false,
      approve: false,
    });
    const deleteByContributor = await call(t.app, contributor, {
      method: 'DELETE',
      url: `${api}/${subAssessment.id}?version=${version + 1}`,
    });
    expect(deleteByContributor.statusCode).toBe(403);
    const deleteByManager = await call(t.app, manager, {
      method: 'DELETE',
      url: `${api}/${subAssessment.id}?version=${version + 1}`,
    });
    expect(deleteByManager.statusCode).toBe(204);
  });
});
