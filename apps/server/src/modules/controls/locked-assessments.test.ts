import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { requirementAssessmentControls } from '../assessments/tables.js';
import { assessmentsApi, byRef, createAssessment, seedFramework, workspaceOf } from '../assessments/testing.js';
import { createControl } from './testing.js';

/** Deleting an applied control must not rewrite locked (done or deprecated) assessments through the cascade. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/applied-controls';

async function citeIn(session: Session, assessmentId: string, appliedControlIds: string[]) {
  const ra = byRef(await workspaceOf(t.app, session, assessmentId), 'OPS-1');
  const linked = await call(t.app, session, {
    method: 'PUT',
    url: `/api/v1/requirement-assessments/${ra.id}/links`,
    payload: { version: ra.version, appliedControlIds },
  });
  expect(linked.statusCode, linked.body).toBe(200);
}

async function moveAssessment(session: Session, id: string, status: string) {
  const before = await call(t.app, session, { method: 'GET', url: `${assessmentsApi}/${id}` });
  const moved = await call(t.app, session, {
    method: 'PATCH',
    url: `${assessmentsApi}/${id}`,
    payload: { version: before.json().version, status },
  });
  expect(moved.statusCode, moved.body).toBe(200);
}

describe('deleting an applied control cited by assessments', () => {
  it('is refused while a locked assessment cites it, naming how many; allowed once it is reopened', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const control = await createControl(t.app, session, rootFolderId);
    const first = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const second = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const open = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    for (const assessment of [first, second, open]) await citeIn(session, assessment.id, [control.id]);
    await moveAssessment(session, first.id, 'done');
    await moveAssessment(session, second.id, 'done');
    const citations = async () =>
      (
        await t.database.db
          .select()
          .from(requirementAssessmentControls)
          .where(eq(requirementAssessmentControls.appliedControlId, control.id))
      ).length;
    const remove = () =>
      call(t.app, session, { method: 'DELETE', url: `${api}/${control.id}?version=${control.version}` });

    const refused = await remove();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toMatch(/applied control is used by 2 locked assessments/);
    expect(await citations()).toBe(3);

    await moveAssessment(session, first.id, 'in_progress');
    const stillRefused = await remove();
    expect(stillRefused.statusCode).toBe(409);
    expect(stillRefused.json().detail).toMatch(/used by 1 locked assessment \(/);

    await moveAssessment(session, second.id, 'in_progress');
    const deleted = await remove();
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await citations()).toBe(0);
  });
});
