import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session } from '../../../test/app.js';
import { createOrgWithOwner, createUser, signIn, userWithRole } from '../../../test/factories.js';
import { statementsOf as countStatements } from '../../../test/statements.js';
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
const fixture = (file: string) => readFileSync(path.join(here, file), 'utf8');
const FRAMEWORK_A = 'fixtures/framework-a.yaml';
const FRAMEWORK_B = 'fixtures/framework-b.yaml';
const MAPPING_A_B = '../formats/ciso-assistant/fixtures/mapping-single.yaml';

const api = '/api/v1/mapping-sets';
const missing = '00000000-0000-4000-8000-000000000000';
const A = 'urn:rampart-test:risk:req_node:a';
const B = 'urn:rampart-test:risk:req_node:b';

type Owner = { organizationId: string | null; folderId: string | null };

async function save(content: LibraryContent, owner: Owner) {
  return t.database.db.transaction((tx) => saveLibraryContent(tx, content, owner));
}

/** Imports the CISO Assistant fixtures for an owner; returns the ids of what each file created. */
async function importFiles(owner: Owner, files: string[]) {
  const frameworks: Record<string, string> = {};
  let mappingSetId = '';
  for (const file of files) {
    const result = await save(parseCisoAssistantLibrary(fixture(file), path.basename(file)), owner);
    for (const f of result.frameworks) frameworks[f.urn] = f.id;
    mappingSetId = result.mappingSets[0]?.id ?? mappingSetId;
  }
  return { frameworks, mappingSetId };
}

/** A framework of `size` requirements mapped onto itself rule by rule, to compare against the 2-rule fixture. */
async function bigMapping(owner: Owner, size: number) {
  const key = randomBytes(4).toString('hex');
  const urn = `urn:test:big:${key}`;
  const nodes = Array.from({ length: size }, (_, i) => ({
    urn: `${urn}:${i}`,
    refId: `R${i}`,
    name: `Requirement ${i}`,
    assessable: true,
  }));
  const result = await save(
    {
      sourceFormat: 'rampart',
      sourceSha256: randomBytes(32).toString('hex'),
      frameworks: [{ urn, refId: 'BIG', name: 'Big', frameworkVersion: '1', implementationGroups: [], nodes }],
      referenceControls: [],
      mappingSets: [
        {
          urn: `${urn}:map`,
          name: `Big to itself ${key}`,
          sourceFrameworkUrn: urn,
          targetFrameworkUrn: urn,
          rules: nodes.map((n) => ({
            sourceRequirementUrn: n.urn,
            targetRequirementUrn: n.urn,
            relationship: 'equal' as const,
          })),
        },
      ],
    },
    owner,
  );
  return result.mappingSets[0]?.id ?? '';
}

/** A member of the organisation without any role: reads nothing. */
async function memberWithoutRole(organizationId: string) {
  const user = await createUser(t.database);
  await t.database.db.insert(memberships).values({ organizationId, userId: user.id });
  const session = await signIn(t.app, user.email);
  session.organizationId = organizationId;
  return session;
}

async function newOrg() {
  const org = await createOrgWithOwner(t.app, t.database);
  return { ...org, owner: { organizationId: org.organization.id, folderId: org.rootFolderId } };
}

/** The SQL statements one request sends (pg-boss's own polling left out), and the page's item count. */
async function statementsOf(session: Session, url: string) {
  const { count, body } = await countStatements(t.app, session, url);
  return { statements: count, items: (body as { items: unknown[] }).items.length };
}

describe('mapping sets API', () => {
  it('401 without credentials on every endpoint', async () => {
    for (const [method, url] of [
      ['GET', api],
      ['GET', `${api}/${missing}`],
      ['GET', `${api}/${missing}/rules`],
      ['GET', `/api/v1/frameworks/${missing}/mapping-sets`],
      ['DELETE', `${api}/${missing}`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists library sets and the organisation’s own with the loaded frameworks, counts, abilities, q and pages', async () => {
    const { session, owner } = await newOrg();
    const { frameworks, mappingSetId } = await importFiles(owner, [FRAMEWORK_A, MAPPING_A_B]);
    const shipped = await bigMapping({ organizationId: null, folderId: null }, 3);
    const list = await call(t.app, session, { method: 'GET', url: `${api}?limit=200` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string }[];
    expect(items.find((s) => s.id === mappingSetId)).toEqual({
      id: mappingSetId,
      urn: 'urn:rampart-test:risk:req_mapping_set:a-to-b',
      refId: 'a-to-b',
      name: 'A to B',
      provider: 'Rampart tests',
      library: false,
      sourceFrameworkUrn: 'urn:rampart-test:risk:framework:a',
      targetFrameworkUrn: 'urn:rampart-test:risk:framework:b',
      sourceFramework: {
        id: frameworks['urn:rampart-test:risk:framework:a'],
        name: 'Framework A',
        frameworkVersion: '1',
      },
      targetFramework: null,
      ruleCount: 2,
      createdAt: expect.any(String),
      abilities: { delete: true },
    });
    expect(items.find((s) => s.id === shipped)).toMatchObject({ library: true, abilities: { delete: false } });
    const found = await call(t.app, session, { method: 'GET', url: `${api}?q=a-to-b` });
    expect(found.json().items.map((s: { id: string }) => s.id)).toEqual([mappingSetId]);
    const first = await call(t.app, session, { method: 'GET', url: `${api}?limit=1` });
    expect(first.json().items).toHaveLength(1);
    const next = await call(t.app, session, { method: 'GET', url: `${api}?limit=1&cursor=${first.json().nextCursor}` });
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
    const one = await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: mappingSetId, description: null, sourceSha256: expect.any(String) });
  });

  it('resolves both ends of each rule to the loaded frameworks’ requirements, with filters and pages', async () => {
    const { session, owner } = await newOrg();
    const { mappingSetId } = await importFiles(owner, [MAPPING_A_B, FRAMEWORK_A]);
    const onlyA = await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}/rules` });
    expect(onlyA.statusCode, onlyA.body).toBe(200);
    expect(onlyA.json().items.map((r: { targetRequirement: unknown }) => r.targetRequirement)).toEqual([null, null]);

    await importFiles(owner, [FRAMEWORK_B]);
    const rules = await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}/rules` });
    expect(rules.json().nextCursor).toBeNull();
    expect(rules.json().items).toEqual([
      {
        id: expect.any(String),
        sourceRequirementUrn: `${A}:1`,
        targetRequirementUrn: `${B}:1`,
        relationship: 'equal',
        rationale: 'semantic',
        strength: 10,
        sourceRequirement: { id: expect.any(String), refId: 'A.1', name: 'Log security events' },
        targetRequirement: { id: expect.any(String), refId: 'B.1', name: 'Monitoring' },
      },
      expect.objectContaining({
        sourceRequirementUrn: `${A}:2`,
        relationship: 'subset',
        sourceRequirement: expect.objectContaining({ refId: 'A.2', name: 'Keep logs for a year' }),
        targetRequirement: expect.objectContaining({ refId: 'B.1' }),
      }),
    ]);
    const subset = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${mappingSetId}/rules?relationship=subset`,
    });
    expect(subset.json().items.map((r: { sourceRequirementUrn: string }) => r.sourceRequirementUrn)).toEqual([
      `${A}:2`,
    ]);
    const none = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${mappingSetId}/rules?relationship=superset`,
    });
    expect(none.json().items).toEqual([]);
    const bySource = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${mappingSetId}/rules?sourceRequirementUrn=${encodeURIComponent(`${A}:1`)}`,
    });
    expect(bySource.json().items.map((r: { relationship: string }) => r.relationship)).toEqual(['equal']);
    const byTarget = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${mappingSetId}/rules?targetRequirementUrn=${encodeURIComponent(`${B}:1`)}`,
    });
    expect(byTarget.json().items).toHaveLength(2);
    const page1 = await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}/rules?limit=1` });
    const page2 = await call(t.app, session, {
      method: 'GET',
      url: `${api}/${mappingSetId}/rules?limit=1&cursor=${page1.json().nextCursor}`,
    });
    expect([...page1.json().items, ...page2.json().items].map((r) => r.sourceRequirementUrn)).toEqual([
      `${A}:1`,
      `${A}:2`,
    ]);
    expect(page2.json().nextCursor).toBeNull();
  });

  it('lists the sets that connect a framework, from either end', async () => {
    const { session, owner } = await newOrg();
    const { frameworks, mappingSetId } = await importFiles(owner, [FRAMEWORK_A, FRAMEWORK_B, MAPPING_A_B]);
    const unrelated = await bigMapping(owner, 2);
    for (const urn of ['urn:rampart-test:risk:framework:a', 'urn:rampart-test:risk:framework:b']) {
      const response = await call(t.app, session, {
        method: 'GET',
        url: `/api/v1/frameworks/${frameworks[urn]}/mapping-sets`,
      });
      expect(response.statusCode, response.body).toBe(200);
      const items = response.json().items as { id: string }[];
      expect(items.map((s) => s.id)).toContain(mappingSetId);
      expect(items.map((s) => s.id)).not.toContain(unrelated);
      expect(items.find((s) => s.id === mappingSetId)).toMatchObject({
        sourceFramework: { name: 'Framework A' },
        targetFramework: { name: 'Framework B', frameworkVersion: '3' },
      });
    }
  });

  it('reads the rules with the same number of queries whatever the page holds', async () => {
    const { session, owner } = await newOrg();
    const { mappingSetId } = await importFiles(owner, [FRAMEWORK_A, FRAMEWORK_B, MAPPING_A_B]);
    const big = await bigMapping(owner, 150);
    const few = await statementsOf(session, `${api}/${mappingSetId}/rules?limit=200`);
    const many = await statementsOf(session, `${api}/${big}/rules?limit=200`);
    expect(few.items).toBe(2);
    expect(many.items).toBe(150);
    expect(many.statements).toBe(few.statements);
    expect(few.statements).toBeGreaterThanOrEqual(3);
    expect(few.statements).toBeLessThanOrEqual(6);
  });

  it('400 on bad ids, filters and unknown parameters', async () => {
    const { session } = await newOrg();
    for (const url of [
      `${api}/nope`,
      `${api}?sort=name`,
      `${api}?cursor=x`,
      `${api}/nope/rules`,
      `${api}/${missing}/rules?relationship=maybe`,
      `${api}/${missing}/rules?sourceRequirementUrn=${'x'.repeat(301)}`,
      `${api}/${missing}/rules?q=x`,
      '/api/v1/frameworks/nope/mapping-sets',
    ]) {
      expect((await call(t.app, session, { method: 'GET', url })).statusCode, url).toBe(400);
    }
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/nope` })).statusCode).toBe(400);
  });

  it('403 without mapping_set:read, and for deleting without mapping_set:delete or a library entry', async () => {
    const { session, owner, organization, rootFolderId } = await newOrg();
    const { frameworks, mappingSetId } = await importFiles(owner, [FRAMEWORK_A, MAPPING_A_B]);
    const nobody = await memberWithoutRole(organization.id);
    for (const url of [
      api,
      `${api}/${mappingSetId}`,
      `${api}/${mappingSetId}/rules`,
      `/api/v1/frameworks/${frameworks['urn:rampart-test:risk:framework:a']}/mapping-sets`,
    ]) {
      expect((await call(t.app, nobody, { method: 'GET', url })).statusCode, url).toBe(403);
    }
    expect((await call(t.app, nobody, { method: 'DELETE', url: `${api}/${mappingSetId}` })).statusCode).toBe(403);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: organization.id,
      folderId: rootFolderId,
      role: 'reader',
    });
    const seen = await call(t.app, reader.session, { method: 'GET', url: `${api}/${mappingSetId}` });
    expect(seen.json().abilities.delete).toBe(false);
    expect((await call(t.app, reader.session, { method: 'DELETE', url: `${api}/${mappingSetId}` })).statusCode).toBe(
      403,
    );
    const shipped = await bigMapping({ organizationId: null, folderId: null }, 2);
    expect((await call(t.app, session, { method: 'DELETE', url: `${api}/${shipped}` })).statusCode).toBe(403);
  });

  it('404 for another organisation’s set and framework', async () => {
    const mine = await newOrg();
    const theirs = await newOrg();
    const { frameworks, mappingSetId } = await importFiles(theirs.owner, [FRAMEWORK_A, MAPPING_A_B]);
    for (const [method, url] of [
      ['GET', `${api}/${mappingSetId}`],
      ['GET', `${api}/${mappingSetId}/rules`],
      ['GET', `/api/v1/frameworks/${frameworks['urn:rampart-test:risk:framework:a']}/mapping-sets`],
      ['DELETE', `${api}/${mappingSetId}`],
    ] as const) {
      expect((await call(t.app, mine.session, { method, url })).statusCode, url).toBe(404);
    }
    const list = await call(t.app, mine.session, { method: 'GET', url: `${api}?limit=200` });
    expect(list.json().items.map((s: { id: string }) => s.id)).not.toContain(mappingSetId);
    // Their framework A is not "loaded" for me: my own copy of the set resolves nothing.
    const { mappingSetId: myCopy } = await importFiles(mine.owner, [MAPPING_A_B]);
    const mySet = await call(t.app, mine.session, { method: 'GET', url: `${api}/${myCopy}` });
    expect(mySet.json()).toMatchObject({ sourceFramework: null, targetFramework: null });
  });

  it('deletes the organisation’s own set with its rules (204) and audits it', async () => {
    const { session, owner } = await newOrg();
    const { mappingSetId } = await importFiles(owner, [MAPPING_A_B]);
    const response = await call(t.app, session, { method: 'DELETE', url: `${api}/${mappingSetId}` });
    expect(response.statusCode, response.body).toBe(204);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}` })).statusCode).toBe(404);
    expect((await call(t.app, session, { method: 'GET', url: `${api}/${mappingSetId}/rules` })).statusCode).toBe(404);
    const audit = await call(t.app, session, { method: 'GET', url: '/api/v1/audit-events?limit=50' });
    expect(JSON.stringify(audit.json())).toContain('mapping_set.deleted');
  });
});
