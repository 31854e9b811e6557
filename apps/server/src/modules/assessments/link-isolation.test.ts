import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import { byRef, createAssessment, seedFramework, workspaceOf } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const raApi = '/api/v1/requirement-assessments';

/**
 * An assessment in folder A linked to evidence and controls in A and in B, seen by a contributor bound at A
 * only: B's links are neither shown, nor counted, nor dropped by their replacement.
 */
describe('requirement assessment links across folders', () => {
  it('shows, counts and replaces only the links the caller can read', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const folderA = await createFolder(t.app, session, rootFolderId, 'A');
    const folderB = await createFolder(t.app, session, rootFolderId, 'B');
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const assessment = await createAssessment(t.app, session, { folderId: folderA.id, frameworkId });
    const insertEvidence = async (folderId: string, name: string) =>
      (await t.database.db.insert(evidence).values({ organizationId: organization.id, folderId, name }).returning())[0]
        ?.id as string;
    const insertControl = async (folderId: string, name: string) =>
      (
        await t.database.db
          .insert(appliedControls)
          .values({ organizationId: organization.id, folderId, name })
          .returning()
      )[0]?.id as string;
    const evidenceA = await insertEvidence(folderA.id, 'Evidence in A');
    const evidenceA2 = await insertEvidence(folderA.id, 'More evidence in A');
    const evidenceB = await insertEvidence(folderB.id, 'Secret evidence in B');
    const controlA = await insertControl(folderA.id, 'Control in A');
    const controlB = await insertControl(folderB.id, 'Secret control in B');

    const ra = byRef(await workspaceOf(t.app, session, assessment.id), 'OPS-1');
    const linked = await call(t.app, session, {
      method: 'PUT',
      url: `${raApi}/${ra.id}/links`,
      payload: { version: ra.version, evidenceIds: [evidenceA, evidenceB], appliedControlIds: [controlA, controlB] },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidence).toHaveLength(2);

    const userA = (
      await userWithRole(t.app, t.database, {
        organizationId: organization.id,
        folderId: folderA.id,
        role: 'contributor',
      })
    ).session;
    const get = async (who: Session) => {
      const response = await call(t.app, who, { method: 'GET', url: `${raApi}/${ra.id}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const seenByA = await get(userA);
    expect(seenByA.evidence.map((e: { id: string }) => e.id)).toEqual([evidenceA]);
    expect(seenByA.appliedControls.map((c: { id: string }) => c.id)).toEqual([controlA]);
    expect(JSON.stringify(seenByA)).not.toContain('Secret');
    const countsFor = async (who: Session) => {
      const row = byRef(await workspaceOf(t.app, who, assessment.id), 'OPS-1') as unknown as Record<string, number>;
      return { evidence: row.evidenceCount, controls: row.controlCount };
    };
    expect(await countsFor(userA)).toEqual({ evidence: 1, controls: 1 });
    expect(await countsFor(session)).toEqual({ evidence: 2, controls: 2 });

    // A's user replaces the links they see: A's change applies, B's links stay.
    const replaced = await call(t.app, userA, {
      method: 'PUT',
      url: `${raApi}/${ra.id}/links`,
      payload: { version: seenByA.version, evidenceIds: [evidenceA2], appliedControlIds: [] },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().evidence.map((e: { id: string }) => e.id)).toEqual([evidenceA2]);
    expect(replaced.json().appliedControls).toEqual([]);
    const seenByOwner = await get(session);
    expect(seenByOwner.evidence.map((e: { id: string }) => e.id).sort()).toEqual([evidenceA2, evidenceB].sort());
    expect(seenByOwner.appliedControls.map((c: { id: string }) => c.id)).toEqual([controlB]);

    const [event] = await t.database.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, ra.id), eq(auditEvents.action, 'requirement_assessment.links_updated')))
      .orderBy(auditEvents.seq)
      .offset(1);
    expect(event?.changes).toMatchObject({
      evidenceIds: { before: [evidenceA], after: [evidenceA2] },
      appliedControlIds: { before: [controlA], after: [] },
    });
  });
});
