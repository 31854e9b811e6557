import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../test/app.js';
import { createFolder, createOrgWithOwner, createUser, signIn, userWithRole } from '../../test/factories.js';
import { asSuperuser } from '../../test/superuser.js';
import { roleBindings, roles } from '../access/tables.js';
import { memberships } from '../organizations/tables.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface EventItem {
  id: string;
  seq: number;
  action: string;
  objectId: string | null;
  folderId: string | null;
  actor: { id: string; email: string | null } | null;
  hash: string;
}

async function listAll(session: Session, query = '', limit = 20): Promise<EventItem[]> {
  const items: EventItem[] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/v1/audit-events?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await call(t.app, session, { method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: EventItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** RFC 4180 rows (quoted cells, doubled quotes, newlines inside quotes): enough to read back our own export. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('audit events', () => {
  it('401 without credentials on every endpoint', async () => {
    for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/verify', '/api/v1/audit-events/export']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('400 on malformed filters, names the field', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const cases: [string, string][] = [
      ['/api/v1/audit-events?limit=abc', 'limit'],
      ['/api/v1/audit-events?from=yesterday', 'from'],
      ['/api/v1/audit-events?actorUserId=1', 'actorUserId'],
      ['/api/v1/audit-events?colour=red', 'colour'],
      ['/api/v1/audit-events?cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
      [`/api/v1/audit-events?cursor=${Buffer.from('{"v":null,"id":"1x"}').toString('base64url')}`, 'query.cursor'],
      ['/api/v1/audit-events/export?format=xml', 'format'],
    ];
    for (const [url, field] of cases) {
      const response = await call(t.app, session, { method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(JSON.stringify(response.json().errors), url).toContain(field);
    }
  });

  it('keeps the chain intact through a burst of concurrent writes, and pages through it newest first', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    await Promise.all(Array.from({ length: 50 }, (_, i) => createFolder(t.app, session, rootFolderId, `Burst ${i}`)));
    const verify = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events/verify' });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, checked: 51, lastSeq: 51 });
    expect(verify.json().firstBroken).toBeUndefined();

    const events = await listAll(session, '', 7);
    expect(events).toHaveLength(51);
    expect(new Set(events.map((e) => e.id)).size).toBe(51);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => b - a));
    expect(events.at(-1)).toMatchObject({ seq: 1, action: 'organization.created' });
    const created = events.find((e) => e.action === 'folder.created');
    expect(created?.actor).toMatchObject({ id: owner.id, email: owner.email });
  });

  it('verify reports the first tampered event', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    for (let i = 0; i < 4; i++) await createFolder(t.app, session, rootFolderId);
    await asSuperuser(t.database, [
      `update audit_events set changes = '{"name":{"after":"Forged"}}'
       where organization_id = '${organization.id}' and seq = 3`,
    ]);
    const verify = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events/verify' });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({
      ok: false,
      checked: 3,
      lastSeq: 2,
      firstBroken: { seq: 3, reason: 'hash_mismatch', id: expect.any(String) },
    });
  });

  it('filters by action, object, actor, folder, time and free text', async () => {
    const { session, rootFolderId, owner } = await createOrgWithOwner(t.app, t.database);
    const before = new Date(Date.now() - 1000).toISOString();
    const folder = await createFolder(t.app, session, rootFolderId, 'Filtered');
    const renamed = await call(t.app, session, {
      method: 'PATCH',
      url: `/api/v1/folders/${folder.id}`,
      payload: { name: 'Filtered again', version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    const after = new Date(Date.now() + 1000).toISOString();

    expect((await listAll(session, '&action=folder.updated')).map((e) => e.objectId)).toEqual([folder.id]);
    expect(await listAll(session, `&objectType=folder&objectId=${folder.id}`)).toHaveLength(2);
    expect(await listAll(session, `&folderId=${folder.id}`)).toHaveLength(2);
    expect(await listAll(session, `&actorUserId=${owner.id}`)).toHaveLength(2);
    expect(await listAll(session, `&q=${encodeURIComponent(owner.email.toUpperCase())}`)).toHaveLength(2);
    expect(await listAll(session, '&q=organization.cre')).toHaveLength(1);
    expect(await listAll(session, '&q=%25')).toHaveLength(0);
    expect(await listAll(session, `&from=${encodeURIComponent(after)}`)).toHaveLength(0);
    expect(await listAll(session, `&to=${encodeURIComponent(before)}`)).toHaveLength(0);
    expect(await listAll(session, `&from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}`)).toHaveLength(
      3,
    );
  });

  it('a reader of a subfolder sees only that subtree, and may not verify the chain', async () => {
    const { session, rootFolderId, organization } = await createOrgWithOwner(t.app, t.database);
    const team = await createFolder(t.app, session, rootFolderId, 'Team');
    const nested = await createFolder(t.app, session, team.id, 'Nested');
    const other = await createFolder(t.app, session, rootFolderId, 'Other');
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: team.id,
      role: 'reader',
    });
    const seen = await listAll(reader.session);
    expect(seen.map((e) => e.folderId).sort()).toEqual([team.id, nested.id].sort());
    expect(seen.some((e) => e.objectId === other.id)).toBe(false);
    const otherOnly = await listAll(reader.session, `&folderId=${other.id}`);
    expect(otherOnly).toHaveLength(0);

    const verify = await call(t.app, reader.session, { method: 'GET', url: '/api/v1/audit-events/verify' });
    expect(verify.statusCode).toBe(403);
    const exported = await call(t.app, reader.session, { method: 'GET', url: '/api/v1/audit-events/export' });
    expect(exported.statusCode).toBe(200);
    expect(parseCsv(exported.body).length - 1).toBe(2);
  });

  it('403 for a member without audit_event:read anywhere', async () => {
    const { organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const user = await createUser(t.database);
    const [role] = await t.database.db
      .insert(roles)
      .values({ organizationId: organization.id, name: 'Folder viewer', permissions: ['folder:read'] })
      .returning();
    if (!role) throw new Error('role not created');
    await t.database.db.insert(memberships).values({ organizationId: organization.id, userId: user.id });
    await t.database.db
      .insert(roleBindings)
      .values({ organizationId: organization.id, folderId: rootFolderId, roleId: role.id, userId: user.id });
    const session = await signIn(t.app, user.email);
    session.organizationId = organization.id;
    for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/verify', '/api/v1/audit-events/export']) {
      const response = await call(t.app, session, { method: 'GET', url });
      expect(response.statusCode, url).toBe(403);
    }
  });

  it('another organisation’s trail answers 404, and one’s own list never shows it', async () => {
    const first = await createOrgWithOwner(t.app, t.database);
    const second = await createOrgWithOwner(t.app, t.database);
    await createFolder(t.app, first.session, first.rootFolderId, 'Secret');
    for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/verify', '/api/v1/audit-events/export']) {
      const response = await call(t.app, second.session, { method: 'GET', url, organizationId: first.organization.id });
      expect(response.statusCode, url).toBe(404);
    }
    const own = await listAll(second.session);
    expect(own.map((e) => e.action)).toEqual(['organization.created']);
    expect(own.some((e) => e.objectId === first.organization.id)).toBe(false);
  });

  it('exports CSV and JSON Lines that read back to the listed events, and records the export', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const tricky = await createFolder(t.app, session, rootFolderId, '=HYPERLINK("x"), "quoted"\nline');
    const listed = await listAll(session);

    const csv = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events/export?format=csv' });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-.*\.csv"$/);
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toContain('hash');
    // The export is recorded before the file is read, so it is the newest line of its own file.
    expect(rows).toHaveLength(listed.length + 1);
    const action = header?.indexOf('action') ?? -1;
    const changes = header?.indexOf('changes') ?? -1;
    expect(rows[0]?.[action]).toBe('audit_event.exported');
    const folderRow = rows.find((r) => r[header?.indexOf('objectId') ?? -1] === tricky.id);
    expect(JSON.parse(folderRow?.[changes] ?? '{}').name.after).toBe(tricky.name);

    const jsonl = await call(t.app, session, {
      method: 'GET',
      url: '/api/v1/audit-events/export?format=jsonl&action=folder.created',
    });
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const lines = jsonl.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as EventItem);
    expect(lines.map((e) => e.hash)).toEqual(listed.filter((e) => e.action === 'folder.created').map((e) => e.hash));

    const verify = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events/verify' });
    expect(verify.json()).toMatchObject({ ok: true, checked: listed.length + 2 });
  });
});
