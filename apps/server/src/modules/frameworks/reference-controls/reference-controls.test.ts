import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../../test/app.js';
import { createOrgWithOwner, createUser, signIn } from '../../../test/factories.js';
import { memberships } from '../../organizations/tables.js';
import { parseCisoAssistantLibrary } from '../formats/ciso-assistant/parse.js';
import type { LibraryContent } from '../library-content.js';
import { saveLibraryContent } from '../writer.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (file: string) => readFileSync(path.join(here, '..', file), 'utf8');
const api = '/api/v1/reference-controls';
const missing = '00000000-0000-4000-8000-000000000000';
const RC_LOG = 'urn:rampart-test:risk:function:shared:rc-log';
const RC_BACKUP = 'urn:rampart-test:risk:function:b:rc-backup';

type Owner = { organizationId: string | null; folderId: string | null };
const save = (content: LibraryContent, owner: Owner) =>
  t.database.db.transaction((tx) => saveLibraryContent(tx, content, owner));

/** Frameworks A and B (both propose the shared logging control) and the mini framework, for one organisation. */
async function newOrgWithLibrary() {
  const org = await createOrgWithOwner(t.app, t.database);
  const owner = { organizationId: org.organization.id, folderId: org.rootFolderId };
  const frameworks: Record<string, string> = {};
  for (const file of ['mapping-sets/fixtures/framework-a.yaml', 'mapping-sets/fixtures/framework-b.yaml']) {
    const result = await save(parseCisoAssistantLibrary(fixture(file), path.basename(file)), owner);
    for (const f of result.frameworks) frameworks[f.name] = f.id;
  }
  const controls = await call(t.app, org.session, { method: 'GET', url: `${api}?limit=200` });
  const ids = new Map<string, string>(
    (controls.json().items as { urn: string; id: string; library: boolean }[])
      .filter((c) => !c.library)
      .map((c) => [c.urn, c.id]),
  );
  return { ...org, frameworks, controlId: (urn: string) => ids.get(urn) ?? '' };
}

async function nodeId(session: Session, frameworkId: string, refId: string) {
  const tree = await call(t.app, session, { method: 'GET', url: `/api/v1/frameworks/${frameworkId}/requirements` });
  return (tree.json().items as { id: string; refId: string }[]).find((n) => n.refId === refId)?.id ?? '';
}

/** A reference control shipped with Rampart (no organisation), under a fresh URN. */
async function libraryControl() {
  const urn = `urn:test:rc:${randomBytes(4).toString('hex')}`;
  await save(
    {
      sourceFormat: 'rampart',
      sourceSha256: randomBytes(32).toString('hex'),
      frameworks: [],
      referenceControls: [{ urn, refId: 'LIB.1', name: 'Shipped control', category: 'policy' }],
      mappingSets: [],
    },
    { organizationId: null, folderId: null },
  );
  return urn;
}

describe('reference controls API', () => {
  it('401 without credentials', async () => {
    for (const url of [api, `${api}/${missing}`]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('lists the library’s and the organisation’s controls with q, category, CSF function and pages', async () => {
    const { session } = await newOrgWithLibrary();
    const shipped = await libraryControl();
    const all = await call(t.app, session, { method: 'GET', url: `${api}?limit=200` });
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().items as { urn: string }[];
    expect(items.find((c) => c.urn === RC_LOG)).toEqual({
      id: expect.any(String),
      urn: RC_LOG,
      refId: 'RC.LOG',
      name: 'Central logging',
      category: 'technical',
      csfFunction: 'detect',
      provider: 'Rampart tests',
      library: false,
    });
    expect(items.find((c) => c.urn === shipped)).toMatchObject({ library: true, refId: 'LIB.1' });
    const urnsOf = async (query: string) =>
      ((await call(t.app, session, { method: 'GET', url: `${api}?${query}` })).json().items as { urn: string }[])
        .map((c) => c.urn)
        .filter((urn) => urn.startsWith('urn:rampart-test'));
    expect(await urnsOf('q=logging')).toEqual([RC_LOG]);
    expect(await urnsOf('q=rc.bak')).toEqual([RC_BACKUP]);
    expect(await urnsOf('category=process&limit=200')).toEqual([RC_BACKUP]);
    expect(await urnsOf('csfFunction=detect&limit=200')).toEqual([RC_LOG]);
    const first = await call(t.app, session, { method: 'GET', url: `${api}?limit=1` });
    const next = await call(t.app, session, { method: 'GET', url: `${api}?limit=1&cursor=${first.json().nextCursor}` });
    expect(next.json().items[0].urn > first.json().items[0].urn).toBe(true);
  });

  it('returns a control with the requirements of every loaded framework that propose it', async () => {
    const { session, frameworks, controlId } = await newOrgWithLibrary();
    const response = await call(t.app, session, { method: 'GET', url: `${api}/${controlId(RC_LOG)}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      urn: RC_LOG,
      description: 'Collect security logs in one place.',
      requirementsTruncated: false,
    });
    expect(response.json().requirements).toEqual([
      {
        id: expect.any(String),
        urn: 'urn:rampart-test:risk:req_node:a:1',
        refId: 'A.1',
        name: 'Log security events',
        framework: { id: frameworks['Framework A'], name: 'Framework A', frameworkVersion: '1' },
      },
      expect.objectContaining({ refId: 'B.1', framework: expect.objectContaining({ name: 'Framework B' }) }),
    ]);
  });

  it('lists the reference controls of one requirement node, and none for a node without', async () => {
    const { session, frameworks } = await newOrgWithLibrary();
    const b = frameworks['Framework B'] ?? '';
    const node = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/frameworks/${b}/requirements/${await nodeId(session, b, 'B.1')}`,
    });
    expect(node.statusCode, node.body).toBe(200);
    expect(node.json().referenceControls.map((c: { refId: string }) => c.refId)).toEqual(['RC.BAK', 'RC.LOG']);
    const a = frameworks['Framework A'] ?? '';
    const bare = await call(t.app, session, {
      method: 'GET',
      url: `/api/v1/frameworks/${a}/requirements/${await nodeId(session, a, 'A.2')}`,
    });
    expect(bare.json().referenceControls).toEqual([]);
  });

  it('400 on a bad id, filter or unknown parameter', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    for (const url of [`${api}/nope`, `${api}?category=magic`, `${api}?csfFunction=pray`, `${api}?sort=urn`]) {
      expect((await call(t.app, session, { method: 'GET', url })).statusCode, url).toBe(400);
    }
  });

  it('403 without framework:read', async () => {
    const { organization, controlId } = await newOrgWithLibrary();
    const user = await createUser(t.database);
    await t.database.db.insert(memberships).values({ organizationId: organization.id, userId: user.id });
    const nobody = await signIn(t.app, user.email);
    nobody.organizationId = organization.id;
    for (const url of [api, `${api}/${controlId(RC_LOG)}`]) {
      expect((await call(t.app, nobody, { method: 'GET', url })).statusCode, url).toBe(403);
    }
  });

  it('404 for another organisation’s control, which its lists leave out', async () => {
    const theirs = await newOrgWithLibrary();
    const mine = await createOrgWithOwner(t.app, t.database);
    const id = theirs.controlId(RC_LOG);
    expect((await call(t.app, mine.session, { method: 'GET', url: `${api}/${id}` })).statusCode).toBe(404);
    expect((await call(t.app, mine.session, { method: 'GET', url: `${api}/${missing}` })).statusCode).toBe(404);
    const list = await call(t.app, mine.session, { method: 'GET', url: `${api}?q=logging&limit=200` });
    expect(list.json().items.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
