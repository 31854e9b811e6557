import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import {
  createFolder,
  createOrgWithOwner,
  createUser,
  grantPermissions,
  signIn,
  userWithRole,
} from '../../test/factories.js';
import { type AssessmentJson, createAssessment, createScenario, insertMatrix } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/risk-assessments';

const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  call(t.app, session, { method: 'PATCH', url: `${api}/${id}`, payload });
const get = async (session: Session, id: string) =>
  (await call(t.app, session, { method: 'GET', url: `${api}/${id}` })).json() as AssessmentJson & {
    name: string;
    authors: { id: string }[];
  };

describe('a done or deprecated risk assessment keeps its own fields', () => {
  it('refuses every field edit with 409 risk_assessment_locked naming the status; only the status moves', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const other = await insertMatrix(t.database, { organizationId: null });
    const sub = await createFolder(t.app, session, rootFolderId);
    const assessment = await createAssessment(t.app, session, rootFolderId, matrix.id, { riskToleranceLevel: 1 });
    await createScenario(t.app, session, assessment.id, { current: { probability: 2, impact: 2 } });
    const done = await patch(session, assessment.id, { version: 1, status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ locked: true, counts: { flagged: 1 } });

    const edits: Record<string, unknown>[] = [
      { riskToleranceLevel: 2 },
      { riskToleranceLevel: null },
      { name: 'Rewritten' },
      { refId: 'RA-9' },
      { description: 'Another story' },
      { assessmentVersion: '2027' },
      { dueDate: '2030-01-01' },
      { folderId: sub.id },
      { riskMatrixId: other.id },
      { authorIds: [owner.id] },
      { reviewerIds: [owner.id] },
      // Reopening and editing in one request is refused too: reopen first, so the audit trail shows it.
      { status: 'in_progress', name: 'Rewritten' },
    ];
    for (const edit of edits) {
      const response = await patch(session, assessment.id, { version: 2, ...edit });
      expect(response.statusCode, JSON.stringify(edit)).toBe(409);
      expect(response.json().code).toBe('risk_assessment_locked');
      expect(response.json().detail).toContain('is done');
      expect(response.json().detail).toContain(Object.keys(edit).find((key) => key !== 'status'));
    }
    const unchanged = await get(session, assessment.id);
    expect(unchanged).toMatchObject({ version: 2, status: 'done', riskToleranceLevel: 1, folderId: rootFolderId });
    expect(unchanged.counts.flagged).toBe(1);
    expect(unchanged.authors).toEqual([]);

    // Values sent as stored change nothing, so a status move next to them goes through.
    const archived = await patch(session, assessment.id, {
      version: 2,
      status: 'deprecated',
      name: unchanged.name,
      riskToleranceLevel: 1,
      authorIds: [],
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ status: 'deprecated', locked: true, version: 3 });
    const stillLocked = await patch(session, assessment.id, { version: 3, riskToleranceLevel: 2 });
    expect(stillLocked.statusCode).toBe(409);
    expect(stillLocked.json().detail).toContain('is deprecated');

    const reopened = await patch(session, assessment.id, { version: 3, status: 'in_progress' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const edited = await patch(session, assessment.id, { version: 4, riskToleranceLevel: 2, name: 'Rewritten' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Rewritten', riskToleranceLevel: 2, counts: { flagged: 0 } });
    const events = await call(t.app, session, { method: 'GET', url: `/api/v1/audit-events?objectId=${assessment.id}` });
    const actions = (events.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['risk_assessment.locked', 'risk_assessment.reopened', 'risk_assessment.updated']),
    );
  });

  it('a status move alone needs only the permission of the move, as on compliance assessments', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const assessment = await createAssessment(t.app, session, rootFolderId, matrix.id, { status: 'done' });
    const scope = { organizationId: organization.id, folderId: rootFolderId };

    // Approval authority without update rights: closes and reopens, edits nothing.
    const approver = await createUser(t.database);
    await grantPermissions(t.database, {
      ...scope,
      userId: approver.id,
      permissions: ['risk_assessment:read', 'risk_assessment:approve'],
    });
    const approverSession = await signIn(t.app, approver.email);
    approverSession.organizationId = organization.id;
    const reopened = await patch(approverSession, assessment.id, { version: 1, status: 'in_review' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await patch(approverSession, assessment.id, { version: 2, name: 'x' })).statusCode).toBe(403);
    expect((await patch(approverSession, assessment.id, { version: 2 })).statusCode).toBe(403);

    // A reviewer (auditor: review, no update) sends an assessment in review back, and moves nothing else.
    const auditor = await userWithRole(t.app, t.database, { ...scope, role: 'auditor' });
    const sentBack = await patch(auditor.session, assessment.id, { version: 2, status: 'in_progress' });
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    expect((await patch(auditor.session, assessment.id, { version: 3, status: 'in_review' })).statusCode).toBe(403);

    // Update rights without approval authority: edits an open assessment, neither closes nor reopens it.
    const contributor = await userWithRole(t.app, t.database, { ...scope, role: 'contributor' });
    expect((await patch(contributor.session, assessment.id, { version: 3, status: 'done' })).statusCode).toBe(403);
    expect((await patch(approverSession, assessment.id, { version: 3, status: 'done' })).statusCode).toBe(200);
    const locked = await patch(contributor.session, assessment.id, { version: 4, name: 'x' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('risk_assessment_locked');
    expect((await patch(contributor.session, assessment.id, { version: 4, status: 'planned' })).statusCode).toBe(403);
  });
});
