import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { requirementAssessmentEvidence } from '../assessments/tables.js';
import { assessmentsApi, byRef, createAssessment, seedFramework, workspaceOf } from '../assessments/testing.js';

/** Deleting evidence must not rewrite locked (done or deprecated) assessments through the cascade. */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/evidence';

async function citeIn(session: Session, assessmentId: string, evidenceIds: string[]) {
  const ra = byRef(await workspaceOf(t.app, session, assessmentId), 'GOV-1');
  const linked = await call(t.app, session, {
    method: 'PUT',
    url: `/api/v1/requirement-assessments/${ra.id}/links`,
    payload: { version: ra.version, evidenceIds },
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

describe('deleting evidence cited by assessments', () => {
  it('is refused while locked assessments cite it, naming how many; allowed once none does', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const create = async (name: string) => {
      const response = await call(t.app, session, {
        method: 'POST',
        url: api,
        payload: { folderId: rootFolderId, name },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; version: number };
    };
    const cited = await create('Access review minutes');
    const draftOnly = await create('Backup logs');
    const done = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const deprecated = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    const open = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
    await citeIn(session, done.id, [cited.id]);
    await citeIn(session, deprecated.id, [cited.id]);
    await citeIn(session, open.id, [cited.id, draftOnly.id]);
    await moveAssessment(session, done.id, 'done');
    await moveAssessment(session, deprecated.id, 'done');
    await moveAssessment(session, deprecated.id, 'deprecated');

    const citations = async (evidenceId: string) =>
      (
        await t.database.db
          .select()
          .from(requirementAssessmentEvidence)
          .where(eq(requirementAssessmentEvidence.evidenceId, evidenceId))
      ).length;
    const refused = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${cited.id}?version=${cited.version}`,
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toMatch(/used by 2 locked assessments/);
    expect(await citations(cited.id)).toBe(3);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${cited.id}` })).statusCode).toBe(200);

    // Reopening the done one leaves the deprecated one, still locked.
    await moveAssessment(session, done.id, 'in_progress');
    const stillRefused = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${cited.id}?version=${cited.version}`,
    });
    expect(stillRefused.statusCode).toBe(409);
    expect(stillRefused.json().detail).toMatch(/used by 1 locked assessment \(/);

    // Evidence cited only by an assessment still being worked on may go; its links go with it.
    const deleted = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${draftOnly.id}?version=${draftOnly.version}`,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await citations(draftOnly.id)).toBe(0);
  });
});
