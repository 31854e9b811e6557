import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { auditEvents } from '../../schema.js';
import { cloneTestDatabase } from '../../test/database.js';
import { createUser } from '../../test/factories.js';
import { systemContext } from '../audit/record.js';
import { createOrganization } from '../organizations/service.js';
import { applyOscalProfile } from './formats/oscal/apply-profile.js';
import { parseOscalCatalog } from './formats/oscal/catalog.js';
import { parseOscalProfile } from './formats/oscal/profile.js';
import type { LibraryContent } from './library-content.js';
import { frameworks, requirementNodes } from './tables.js';
import { CATALOG_800_53, hasSharedOscal, readFixture, readShared, warnIfNoSharedData } from './testing.js';
import { saveLibraryContent } from './writer.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await cloneTestDatabase();
});
afterAll(() => database?.close());
warnIfNoSharedData('library writer');

async function newOrg() {
  const owner = await createUser(database);
  const { organization, rootFolderId } = await database.db.transaction((tx) =>
    createOrganization(tx, systemContext(), { name: `Org ${randomBytes(4).toString('hex')}`, ownerUserId: owner.id }),
  );
  return { organizationId: organization.id, folderId: rootFolderId };
}

const save = (content: LibraryContent, owner: { organizationId: string; folderId: string }) =>
  database.db.transaction((tx) => saveLibraryContent(tx, content, owner));

const nodesOf = (frameworkId: string) =>
  database.db
    .select()
    .from(requirementNodes)
    .where(eq(requirementNodes.frameworkId, frameworkId))
    .orderBy(requirementNodes.orderIndex);

describe('library writer', () => {
  it('writes a framework tree with parents, depth, order and counts, and audits it', async () => {
    const owner = await newOrg();
    const content = parseOscalCatalog(readFixture('mini-catalog.json'), 'mini.json');
    const result = await save(content, owner);
    expect(result.frameworks).toEqual([expect.objectContaining({ outcome: 'created', frameworkVersion: '1.0.0' })]);
    const id = result.frameworks[0]?.id ?? '';
    const [framework] = await database.db.select().from(frameworks).where(eq(frameworks.id, id));
    expect(framework).toMatchObject({ requirementCount: 7, assessableCount: 4, organizationId: owner.organizationId });
    const nodes = await nodesOf(id);
    const ref = new Map(nodes.map((n) => [n.refId, n]));
    expect(nodes.map((n) => [n.refId, n.depth])).toEqual([
      ['AC', 0],
      ['AC-1', 1],
      ['AC-2', 1],
      ['AC-2(1)', 2],
      ['AC-2(10)', 2],
      ['AU', 0],
      ['AU-1', 1],
    ]);
    expect(ref.get('AC-2(1)')?.parentId).toBe(ref.get('AC-2')?.id);
    expect(ref.get('AC-2(10)')).toMatchObject({ withdrawn: true, assessable: false });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'framework.imported')));
    expect(events).toHaveLength(1);
  });

  it('changes nothing when the same file or the same (urn, version) comes again', async () => {
    const owner = await newOrg();
    const text = readFixture('mini-catalog.json');
    const first = await save(parseOscalCatalog(text, 'a.json'), owner);
    const again = await save(parseOscalCatalog(text, 'a.json'), owner);
    expect(again.frameworks).toEqual([{ ...first.frameworks[0], outcome: 'unchanged' }]);
    const sameVersion = await save(
      parseOscalCatalog(text.replace('Policies address', 'Policy addresses'), 'b.json'),
      owner,
    );
    expect(sameVersion.frameworks[0]).toMatchObject({ id: first.frameworks[0]?.id, outcome: 'unchanged' });
    const other = await newOrg();
    expect((await save(parseOscalCatalog(text, 'a.json'), other)).frameworks[0]?.outcome).toBe('created');
  });

  it('writes nothing when a node is broken (one transaction)', async () => {
    const owner = await newOrg();
    const content = parseOscalCatalog(readFixture('mini-catalog.json'), 'mini.json');
    const nodes = content.frameworks[0]?.nodes ?? [];
    nodes.push({ urn: `${nodes[0]?.urn}:orphan`, parentUrn: 'urn:nowhere', assessable: true });
    await expect(save(content, owner)).rejects.toMatchObject({ name: 'LibraryFormatError' });
    const rows = await database.db.select().from(frameworks).where(eq(frameworks.organizationId, owner.organizationId));
    expect(rows).toEqual([]);
  });

  it('applies a profile as an implementation group, once, and audits it', async () => {
    const owner = await newOrg();
    await save(parseOscalCatalog(readFixture('mini-catalog.json'), 'mini.json'), owner);
    const profile = parseOscalProfile(readFixture('mini-low-profile.json'), 'low.json');
    const apply = () =>
      database.db.transaction((tx) =>
        applyOscalProfile(tx, profile, {
          organizationId: owner.organizationId,
          audit: systemContext(),
          fileName: 'low.json',
        }),
      );
    const first = await apply();
    expect(first).toMatchObject({ outcome: 'applied', implementationGroup: 'LOW', selected: 3, unmatched: [] });
    const nodes = await nodesOf(first.frameworkId);
    expect(nodes.filter((n) => n.implementationGroups.includes('LOW')).map((n) => n.refId)).toEqual([
      'AC-1',
      'AC-2',
      'AU-1',
    ]);
    const [framework] = await database.db.select().from(frameworks).where(eq(frameworks.id, first.frameworkId));
    expect(framework?.implementationGroups).toEqual([expect.objectContaining({ refId: 'LOW' })]);
    expect((await apply()).outcome).toBe('unchanged');
    const [after] = await database.db.select().from(frameworks).where(eq(frameworks.id, first.frameworkId));
    expect(after?.version).toBe(framework?.version);
    const events = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'framework.implementation_group_applied'));
    expect(events[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses a profile whose catalog is not loaded', async () => {
    const owner = await newOrg();
    const profile = parseOscalProfile(readFixture('mini-low-profile.json'), 'low.json');
    await expect(
      database.db.transaction((tx) =>
        applyOscalProfile(tx, profile, {
          organizationId: owner.organizationId,
          audit: systemContext(),
          fileName: 'low.json',
        }),
      ),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/import the catalog/) })],
    });
  });

  it.skipIf(!hasSharedOscal)('loads the full 800-53 catalog and resolves the three baselines', async () => {
    const owner = await newOrg();
    const saved = await save(parseOscalCatalog(readShared(CATALOG_800_53), 'catalog.json'), owner);
    const frameworkId = saved.frameworks[0]?.id ?? '';
    for (const level of ['LOW', 'MODERATE', 'HIGH']) {
      const text = readShared(`NIST_SP-800-53_rev5_${level}-baseline_profile.json`);
      const profile = parseOscalProfile(text, `${level}.json`);
      const applied = await database.db.transaction((tx) =>
        applyOscalProfile(tx, profile, { organizationId: owner.organizationId, audit: systemContext(), fileName: 'p' }),
      );
      expect(applied).toMatchObject({ frameworkId, implementationGroup: level, unmatched: [] });
      const expected = new Set(profile.include.flatMap((s) => s.ids));
      const nodes = await nodesOf(frameworkId);
      const inGroup = nodes.filter((n) => n.implementationGroups.includes(level)).map((n) => String(n.extra?.oscalId));
      expect(new Set(inGroup)).toEqual(expected);
    }
    const [framework] = await database.db.select().from(frameworks).where(eq(frameworks.id, frameworkId));
    expect(framework).toMatchObject({ requirementCount: 1209, assessableCount: 1007 });
    expect(framework?.implementationGroups.map((g) => g.refId)).toEqual(['LOW', 'MODERATE', 'HIGH']);
    const again = await save(parseOscalCatalog(readShared(CATALOG_800_53), 'catalog.json'), owner);
    expect(again.frameworks[0]?.outcome).toBe('unchanged');
  });
});
