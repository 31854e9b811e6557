import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, createUser, signIn, userWithRole } from '../../test/factories.js';
import { statementsOf } from '../../test/statements.js';
import { memberships } from '../organizations/tables.js';
import { parseOscalCatalog } from './formats/oscal/catalog.js';
import type { LibraryContent, RequirementNodeContent } from './library-content.js';
import { readFixture } from './testing.js';
import { saveLibraryContent } from './writer.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = '/api/v1/frameworks';
const missing = '00000000-0000-4000-8000-000000000000';

async function seed(organizationId: string | null, folderId: string | null, content?: LibraryContent) {
  const library = content ?? parseOscalCatalog(readFixture('mini-catalog.json'), 'mini.json');
  const result = await t.database.db.transaction((tx) => saveLibraryContent(tx, library, { organizationId, folderId }));
  return result.frameworks[0]?.id ?? '';
}

/** A synthetic framework of `size` nodes: 10 sections of controls, to compare against the 7-node fixture. */
function bigFramework(size: number): LibraryContent {
  const urn = `urn:test:big:${randomBytes(4).toString('hex')}`;
  const nodes: RequirementNodeContent[] = [];
  for (let i = 0; nodes.length < size; i++) {
    const section = `${urn}:s${i}`;
    nodes.push({ urn: section, refId: `S${i}`, name: `Section ${i}`, assessable: false });
    for (let j = 0; j < size / 10 - 1 && nodes.length < size; j++) {
      nodes.push({
        urn: `${section}:c${j}`,
        parentUrn: section,
        refId: `S${i}.${j}`,
        name: `Control ${j}`,
        assessable: true,
      });
    }
  }
  return {
    sourceFormat: 'rampart',
    sourceSha256: randomBytes(32).toString('hex'),
    frameworks: [{ urn, refId: 'BIG', name: 'Big framework', frameworkVersion: '1', implementationGroups: [], nodes }],
    referenceControls: [],
    mappingSets: [],
  };
}

/** A member of the organisation without any role: sees no framework. */
async function memberWithoutRole(organizationId: string) {
  const user = await createUser(t.database);
  await t.database.db.insert(memberships).values({ organizationId, userId: user.id });
  const session = await signIn(t.app, user.email);
  session.organizationId = organizationId;
  return session;
}

describe('frameworks API', () => {
  it('401 without credentials on every endpoint', async () => {
    for (const [method, url] of [
      ['GET', api],
      ['GET', `${api}/${missing}`],
      ['GET', `${api}/${missing}/requirements`],
      ['GET', `${api}/${missing}/requirements/${missing}`],
      ['DELETE', `${api}/${missing}`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists library entries and the organisation’s own, with counts, groups, abilities, q and pages', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const own = await seed(organization.id, rootFolderId);
    const shipped = await seed(null, null, bigFramework(30));
    const list = await call(t.app, session, { method: 'GET', url: `${api}?limit=200` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string }[];
    expect(items.find((f) => f.id === own)).toMatchObject({
      name: 'Mini Catalog: Test Controls',
      library: false,
      requirementCount: 7,
      assessableCount: 4,
      implementationGroups: [],
      abilities: { delete: true, applyProfile: true },
    });
    expect(items.find((f) => f.id === shipped)).toMatchObject({ library: true, abilities: { delete: false } });
    const found = await call(t.app, session, { method: 'GET', url: `${api}?q=mini%20catalog` });
    expect(found.json().items.map((f: { id: string }) => f.id)).toEqual([own]);
    const first = await call(t.app, session, { method: 'GET', url: `${api}?limit=1` });
    expect(first.json().items).toHaveLength(1);
    const next = await call(t.app, session, { method: 'GET', url: `${api}?limit=1&cursor=${first.json().nextCursor}` });
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
  });

  it('returns a framework, its tree in order with filters, and one requirement', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const id = await seed(organization.id, rootFolderId);
    const one = await call(t.app, session, { method: 'GET', url: `${api}/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id, frameworkVersion: '1.0.0', sourceFormat: 'oscal_catalog', version: 1 });
    const tree = await call(t.app, session, { method: 'GET', url: `${api}/${id}/requirements` });
    expect(tree.statusCode).toBe(200);
    const items = tree.json().items as { id: string; refId: string; parentId: string | null }[];
    expect(items.map((n) => n.refId)).toEqual(['AC', 'AC-1', 'AC-2', 'AC-2(1)', 'AC-2(10)', 'AU', 'AU-1']);
    expect(items[3]?.parentId).toBe(items[2]?.id);
    expect(items[0]).not.toHaveProperty('description');
    const assessable = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${id}/requirements?assessable=true&q=account`,
    });
    expect(assessable.json().items.map((n: { refId: string }) => n.refId)).toEqual(['AC-2', 'AC-2(1)']);
    const node = await call(t.app, session, { method: 'GET', url: `${api}/${id}/requirements/${items[1]?.id}` });
    expect(node.statusCode).toBe(200);
    expect(node.json()).toMatchObject({
      refId: 'AC-1',
      frameworkId: id,
      annotation: 'Policies address access control.',
    });
    expect(node.json().description).toMatch(/^a\. Develop/);
  });

  it('loads the tree with the same small number of queries whatever its size', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const small = await seed(organization.id, rootFolderId);
    const big = await seed(organization.id, rootFolderId, bigFramework(1500));
    const count = async (frameworkId: string) => {
      const { count: statements, body } = await statementsOf(t.app, session, `${api}/${frameworkId}/requirements`);
      return { statements, items: (body as { items: unknown[] }).items.length };
    };
    const few = await count(small);
    const many = await count(big);
    expect(many.items).toBe(1500);
    expect(many.statements).toBe(few.statements);
    expect(few.statements).toBeGreaterThanOrEqual(2);
    expect(few.statements).toBeLessThanOrEqual(6);
  });

  it('400 on bad ids, filters and unknown parameters', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    for (const url of [
      `${api}/nope`,
      `${api}?sort=name`,
      `${api}?cursor=x`,
      `${api}/${missing}/requirements?assessable=maybe`,
      `${api}/${missing}/requirements/42`,
    ]) {
      expect((await call(t.app, session, { method: 'GET', url })).statusCode, url).toBe(400);
    }
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/nope` })).statusCode).toBe(400);
  });

  it('403 without framework:read, and for deleting without framework:delete or a library entry', async () => {
    const { organization, rootFolderId, session } = await createOrgWithOwner(t.app, t.database);
    const id = await seed(organization.id, rootFolderId);
    const nobody = await memberWithoutRole(organization.id);
    for (const url of [api, `${api}/${id}`, `${api}/${id}/requirements`]) {
      expect((await call(t.app, nobody, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    expect((await call(t.app, reader.session, { method: 'GET', url: `${api}/${id}` })).json().abilities.delete).toBe(
      false,
    );
    expect((await call(t.app, reader.session, { method: 'DELETE', url: `${api}/${id}` })).statusCode).toBe(403);
    const shipped = await seed(null, null, bigFramework(20));
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${shipped}` })).statusCode).toBe(403);
  });

  it('404 for another organisation’s framework and for an unknown node', async () => {
    const mine = await createOrgWithOwner(t.app, t.database);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const id = await seed(theirs.organization.id, theirs.rootFolderId);
    for (const [method, url] of [
      ['GET', `${api}/${id}`],
      ['GET', `${api}/${id}/requirements`],
      ['DELETE', `${api}/${id}`],
    ] as const) {
      expect((await call(t.app, mine.session, { method, url })).statusCode, url).toBe(404);
    }
    const list = await call(t.app, mine.session, { method: 'GET', url: `${api}?limit=200` });
    expect(list.json().items.map((f: { id: string }) => f.id)).not.toContain(id);
    const node = await call(t.app, theirs.session, { method: 'GET', url: `${api}/${id}/requirements/${missing}` });
    expect(node.statusCode).toBe(404);
  });

  it('deletes the organisation’s own framework with its tree (204) and audits it', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const id = await seed(organization.id, rootFolderId);
    const response = await call(t.app, session, { method: 'DELETE', url: `${api}/${id}` });
    expect(response.statusCode, response.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${id}` })).statusCode).toBe(404);
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('framework.deleted');
  });
});
