import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';

/** New content and decisions: a revision bumps the version and re-opens decided evidence (status-rules.ts). */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/evidence';

async function setup() {
  const org = await createOrgWithOwner(t.app, t.database);
  const created = await call(t.app, org.session, {
    method: 'POST',
    url: api,
    payload: { folderId: org.rootFolderId, name: 'Firewall rule review', status: 'draft' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  const contributor = await userWithRole(t.app, t.database, {
    organizationId: org.organization.id,
    folderId: org.rootFolderId,
    role: 'contributor',
  });
  const move = (session: Session, status: string, version: number) =>
    call(t.app, session, { method: 'POST', url: `${api}/${id}/status`, payload: { status, version } });
  const addRevision = async (session: Session, url: string) => {
    const response = await call(t.app, session, { method: 'POST', url: `${api}/${id}/revisions`, payload: { url } });
    expect(response.statusCode, response.body).toBe(201);
  };
  const current = async () => {
    const response = await call(t.app, org.session, { method: 'GET', url: `${api}/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { version: number; status: string; revisionCount: number };
  };
  return { ...org, id, contributor, move, addRevision, current };
}

describe('evidence content and review decisions', () => {
  it('a decision on the version seen before an upload is refused (409); on the new version it goes through', async () => {
    const { session, contributor, move, addRevision, current } = await setup();
    await addRevision(contributor.session, 'https://drive.example.test/v1');
    const submitted = await move(contributor.session, 'in_review', (await current()).version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const seenByReviewer = (await current()).version;

    // The author uploads new content while the approver is still looking at the previous one.
    await addRevision(contributor.session, 'https://drive.example.test/v2');
    const after = await current();
    expect(after).toMatchObject({ status: 'in_review', revisionCount: 2, version: seenByReviewer + 1 });

    const stale = await move(session, 'approved', seenByReviewer);
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await current()).status).toBe('in_review');
    const approved = await move(session, 'approved', after.version);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
  });

  it('new content moves approved and rejected evidence back to draft, and the audit event records it', async () => {
    const { session, organization, id, contributor, move, addRevision, current } = await setup();
    await addRevision(contributor.session, 'https://drive.example.test/v1');
    expect((await move(contributor.session, 'in_review', (await current()).version)).statusCode).toBe(200);
    expect((await move(session, 'approved', (await current()).version)).statusCode).toBe(200);

    await addRevision(contributor.session, 'https://drive.example.test/v2');
    expect((await current()).status).toBe('draft');

    expect((await move(contributor.session, 'in_review', (await current()).version)).statusCode).toBe(200);
    expect((await move(session, 'rejected', (await current()).version)).statusCode).toBe(200);
    await addRevision(contributor.session, 'https://drive.example.test/v3');
    expect(await current()).toMatchObject({ status: 'draft', revisionCount: 3 });

    // Draft content stays draft.
    await addRevision(contributor.session, 'https://drive.example.test/v4');
    expect((await current()).status).toBe('draft');

    const events = await t.database.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organization.id),
          eq(auditEvents.objectId, id),
          eq(auditEvents.action, 'evidence.revision_added'),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(events.map((e) => (e.changes as { status?: unknown }).status ?? null)).toEqual([
      null,
      { before: 'approved', after: 'draft' },
      { before: 'rejected', after: 'draft' },
      null,
    ]);
  });
});
