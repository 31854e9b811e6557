import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { assessmentsApi as api, byRef, createAssessment, seedFramework, workspaceOf } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('assessment lock through deprecation', () => {
  it('done → deprecated keeps the lock; leaving it needs approve and unlocks', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const contributor = (
      await userWithRole(t.app, t.database, {
        organizationId: organization.id,
        folderId: rootFolderId,
        role: 'contributor',
      })
    ).session;
    const a = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const move = (who: Session, version: number, status: string) =>
      call(t.app, who, { method: 'PATCH', url: `${api}/${a.id}`, payload: { version, status } });

    expect((await move(session, 1, 'done')).json().lockedAt).not.toBeNull();
    expect((await move(contributor, 2, 'deprecated')).statusCode).toBe(403);
    const archived = await move(session, 2, 'deprecated');
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ status: 'deprecated', abilities: { editRequirements: false } });
    expect(archived.json().lockedAt).not.toBeNull();

    expect((await move(contributor, 3, 'in_progress')).statusCode).toBe(403);
    const reopened = await move(session, 3, 'in_progress');
    expect(reopened.json()).toMatchObject({ status: 'in_progress', lockedAt: null });
    const ra = byRef(await workspaceOf(t.app, session, a.id), 'GOV-1');
    const edit = await call(t.app, contributor, {
      method: 'PATCH',
      url: `/api/v1/requirement-assessments/${ra.id}`,
      payload: { version: ra.version, result: 'compliant' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
  });
});
