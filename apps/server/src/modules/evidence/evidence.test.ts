import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, userWithRole } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';

const clock = new ManualClock(new Date('2026-03-10T08:00:00Z'));
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const api = '/api/v1/evidence';
const missing = '00000000-0000-4000-8000-000000000000';

async function createEvidence(session: Session, folderId: string, fields: Record<string, unknown> = {}) {
  const response = await call(t.app, session, {
    method: 'POST',
    url: api,
    payload: { folderId, name: `Evidence ${Math.random().toString(36).slice(2, 8)}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; status: string; abilities: Record<string, unknown> };
}

/** A multipart body with one file (and optional text fields), as a browser's FormData would send it. */
function multipart(file: { name: string; type: string; content: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----rampart${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('evidence CRUD and lifecycle', () => {
  it('401 without credentials', async () => {
    for (const [method, url, payload] of [
      ['GET', api, undefined],
      ['GET', `${api}/${missing}`, undefined],
      ['POST', api, { folderId: missing, name: 'x' }],
      ['PATCH', `${api}/${missing}`, { version: 1 }],
      ['POST', `${api}/${missing}/status`, { status: 'draft', version: 1 }],
      ['DELETE', `${api}/${missing}?version=1`, undefined],
      ['GET', `${api}/${missing}/revisions`, undefined],
      ['POST', `${api}/${missing}/revisions`, { url: 'https://example.test' }],
      ['GET', `${api}/${missing}/revisions/1/content`, undefined],
    ] as const) {
      expect((await t.app.inject({ method, url, payload })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('creates, updates with optimistic concurrency, filters and deletes', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId);
    const policy = await createEvidence(session, rootFolderId, {
      name: 'Signed security policy',
      refId: 'EV-1',
      ownerId: owner.id,
      validUntil: '2026-03-20',
    });
    expect(policy).toMatchObject({ status: 'missing', owner: { id: owner.id }, validUntil: '2026-03-20' });
    const scan = await createEvidence(session, sub.id, {
      name: 'Vulnerability scan',
      status: 'draft',
      validUntil: '2026-02-01',
    });
    const plain = await createEvidence(session, sub.id, { name: 'Training records' });

    const list = async (query: string) => {
      const response = await call(t.app, session, { method: 'GET', url: `${api}?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().items as { id: string }[]).map((i) => i.id);
    };
    expect(await list('')).toEqual([policy.id, plain.id, scan.id]);
    expect(await list('q=scan')).toEqual([scan.id]);
    expect(await list('status=draft')).toEqual([scan.id]);
    expect(await list(`folderId=${sub.id}`)).toEqual([plain.id, scan.id]);
    expect(await list(`ownerId=${owner.id}`)).toEqual([policy.id]);
    expect(await list('expiring=30')).toEqual([policy.id]);
    expect(await list('expiring=5')).toEqual([]);
    expect(await list('expired=true')).toEqual([scan.id]);
    expect(await list('expired=false')).toEqual([policy.id, plain.id]);
    expect(await list('sort=validUntil')).toEqual([scan.id, policy.id, plain.id]);
    expect(await list('sort=-validUntil')).toEqual([policy.id, scan.id, plain.id]);
    for (const query of ['expiring=-1', 'expired=maybe', 'sort=size', 'status=lost', `folderId=nope`, 'cursor=zzz']) {
      const response = await call(t.app, session, { method: 'GET', url: `${api}?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].field, query).toMatch(/^query\./);
    }
    const pages: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const response = await call(t.app, session, {
        method: 'GET',
        url: `${api}?limit=1&sort=validUntil${cursor ? `&cursor=${cursor}` : ''}`,
      });
      pages.push(...response.json().items.map((i: { id: string }) => i.id));
      cursor = response.json().nextCursor;
    }
    expect(pages).toEqual([scan.id, policy.id, plain.id]);

    const updated = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${plain.id}`,
      payload: { version: plain.version, description: 'Annual', validUntil: '2027-01-01', reminderDays: 10 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ description: 'Annual', reminderDays: 10, version: plain.version + 1 });
    const stale = await call(t.app, session, {
      method: 'PATCH',
      url: `${api}/${plain.id}`,
      payload: { version: plain.version, name: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    for (const [payload, field] of [
      [{ version: 2, validUntil: '2026-13-01' }, 'body.validUntil'],
      [{ version: 2, ownerId: missing }, 'body.ownerId'],
      [{ version: 2, status: 'approved' }, 'body'],
      [{ version: 2, reminderDays: -1 }, 'body.reminderDays'],
    ] as const) {
      const response = await call(t.app, session, { method: 'PATCH', url: `${api}/${plain.id}`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }

    const refused = await call(t.app, session, { method: 'DELETE', url: `/api/v1/folders/${sub.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('2 evidence');
    const deleted = await call(t.app, session, {
      method: 'DELETE',
      url: `${api}/${plain.id}?version=${plain.version + 1}`,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${plain.id}` })).statusCode).toBe(404);
    const actions = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, plain.id))
      .orderBy(auditEvents.seq);
    expect(actions.map((a) => a.action)).toEqual(['evidence.created', 'evidence.updated', 'evidence.deleted']);
  });

  it('status changes follow the lifecycle and the roles: contributors submit, auditors review, approvers decide', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const item = await createEvidence(session, rootFolderId, { status: 'draft' });
    const role = (name: string) =>
      userWithRole(t.app, t.database, { organizationId: organization.id, folderId: rootFolderId, role: name });
    const contributor = await role('contributor');
    const auditor = await role('auditor');
    const reader = await role('reader');
    const move = (session: Session, status: string, version: number) =>
      call(t.app, session, { method: 'POST', url: `${api}/${item.id}/status`, payload: { status, version } });

    const asContributor = await call(t.app, contributor.session, { method: 'GET', url: `${api}/${item.id}` });
    expect(asContributor.json().abilities.statusTransitions).toEqual(['missing', 'in_review']);
    expect((await move(reader.session, 'in_review', 1)).statusCode).toBe(403);
    expect((await move(contributor.session, 'approved', 1)).statusCode).toBe(409);
    const submitted = await move(contributor.session, 'in_review', 1);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await move(contributor.session, 'approved', 2)).statusCode).toBe(403);
    expect((await move(auditor.session, 'approved', 2)).statusCode).toBe(403);
    expect((await move(session, 'approved', 1)).statusCode).toBe(409);
    const approved = await move(session, 'approved', 2);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect((await move(auditor.session, 'in_review', 3)).statusCode).toBe(200);
    expect((await move(session, 'expired', 4)).statusCode).toBe(409);
    const events = await t.database.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'evidence.status_changed'));
    expect(events.filter((e) => JSON.stringify(e.changes).includes('"after":"approved"')).length).toBeGreaterThan(0);
  });

  it('scopes by folder and organisation', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const sub = await createFolder(t.app, session, rootFolderId);
    const outside = await createEvidence(session, rootFolderId);
    const inside = await createEvidence(session, sub.id);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: sub.id,
      role: 'reader',
    });
    const seen = await call(t.app, reader.session, { method: 'GET', url: api });
    expect(seen.json().items.map((i: { id: string }) => i.id)).toEqual([inside.id]);
    expect(seen.json().items[0].abilities).toEqual({
      update: false,
      delete: false,
      addRevision: false,
      statusTransitions: [],
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${outside.id}` })).statusCode).toBe(404);
    const readerPatch = await call(t.app, reader.session, {
      method: 'PATCH',
      url: `${api}/${inside.id}`,
      payload: { version: 1, name: 'x' },
    });
    expect(readerPatch.statusCode).toBe(403);
    const readerRevision = await call(t.app, reader.session, {
      method: 'POST',
      url: `${api}/${inside.id}/revisions`,
      payload: { url: 'https://example.test/x' },
    });
    expect(readerRevision.statusCode).toBe(403);

    const other = await createOrgWithOwner(t.app, t.database);
    for (const request of [
      { method: 'GET', url: `${api}/${inside.id}` },
      { method: 'GET', url: `${api}/${inside.id}/revisions` },
      { method: 'PATCH', url: `${api}/${inside.id}`, payload: { version: 1, name: 'x' } },
      { method: 'POST', url: `${api}/${inside.id}/status`, payload: { version: 1, status: 'draft' } },
      { method: 'DELETE', url: `${api}/${inside.id}?version=1` },
      { method: 'POST', url: `${api}/${inside.id}/revisions`, payload: { url: 'https://example.test/x' } },
    ] as const) {
      expect((await call(t.app, other.session, request)).statusCode, request.method + request.url).toBe(404);
    }
    expect((await call(t.app, other.session, { method: 'GET', url: api })).json().items).toEqual([]);
  });
});

describe('evidence revisions', () => {
  it('uploads a file and downloads the same bytes with its type, name and SHA-256', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const item = await createEvidence(session, rootFolderId);
    const content = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from([0, 1, 2, 250, 251, 252]),
      Buffer.from('\n%%EOF\n'),
    ]);
    const upload = multipart(
      { name: 'Rapport d’audit "2026".pdf', type: 'application/pdf', content },
      { note: 'Signed' },
    );
    const created = await call(t.app, session, { method: 'POST', url: `${api}/${item.id}/revisions`, ...upload });
    expect(created.statusCode, created.body).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(created.json()).toMatchObject({
      number: 1,
      kind: 'file',
      sha256,
      size: content.length,
      contentType: 'application/pdf',
      note: 'Signed',
    });

    const link = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${item.id}/revisions`,
      payload: { url: 'https://drive.example.test/doc', note: 'Shared drive copy' },
    });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json()).toMatchObject({ number: 2, kind: 'link', url: 'https://drive.example.test/doc' });

    const after = await call(t.app, session, { method: 'GET', url: `${api}/${item.id}` });
    expect(after.json()).toMatchObject({ revisionCount: 2, status: 'draft' });
    const revisions = await call(t.app, session, { method: 'GET', url: `${api}/${item.id}/revisions` });
    expect(revisions.json().items.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(revisions.json().items[1].createdBy.displayName).toBeTruthy();

    const download = await call(t.app, session, { method: 'GET', url: `${api}/${item.id}/revisions/1/content` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).not.toContain('"2026"');
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toContain('Rapport d’audit');

    expect(
      (await call(t.app, session, { method: 'GET', url: `${api}/${item.id}/revisions/2/content` })).statusCode,
    ).toBe(409);
    expect(
      (await call(t.app, session, { method: 'GET', url: `${api}/${item.id}/revisions/9/content` })).statusCode,
    ).toBe(404);
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, item.id));
    expect(events.filter((e) => e.action === 'evidence.revision_added')).toHaveLength(2);
  });

  it('refuses bad uploads and bad links', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const item = await createEvidence(session, rootFolderId);
    const html = multipart({ name: 'x.html', type: 'text/html', content: Buffer.from('<script>1</script>') });
    expect(
      (await call(t.app, session, { method: 'POST', url: `${api}/${item.id}/revisions`, ...html })).statusCode,
    ).toBe(415);
    const fakePdf = multipart({ name: 'x.pdf', type: 'application/pdf', content: Buffer.from('not a pdf') });
    expect(
      (await call(t.app, session, { method: 'POST', url: `${api}/${item.id}/revisions`, ...fakePdf })).statusCode,
    ).toBe(415);
    for (const payload of [{ url: 'javascript:alert(1)' }, { url: 'https://x.test', extra: 1 }, {}]) {
      const response = await call(t.app, session, { method: 'POST', url: `${api}/${item.id}/revisions`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors[0].field).toMatch(/^body/);
    }
    const broken = await call(t.app, session, {
      method: 'POST',
      url: `${api}/${item.id}/revisions`,
      payload: '--x\r\nContent-Disposition: form-data; name="file"',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(broken.statusCode).toBe(400);
    const after = await call(t.app, session, { method: 'GET', url: `${api}/${item.id}` });
    expect(after.json().revisionCount).toBe(0);
  });
});
