import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../schema.js';
import { call, createTestApp } from '../../../test/app.js';
import { createOrgWithOwner } from '../../../test/factories.js';
import { frameworks, mappingRules, mappingSets, requirementNodes } from '../tables.js';
import { BUILTIN_LIBRARY_FILES, type BuiltinFile, builtinFile, readBuiltinFiles } from './files.js';
import { ensureBuiltinLibrary } from './loader.js';

/**
 * The test database is a clone of a template made by `prepareDatabase`, so the library is already loaded here
 * exactly as on a fresh install.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Listed {
  id: string;
  urn: string;
  refId: string;
  frameworkVersion: string;
  sourceFormat: string;
  library: boolean;
  requirementCount: number;
  assessableCount: number;
  implementationGroups: { refId: string }[];
  abilities: { delete: boolean };
}

/** What a new organisation sees of each built-in framework: node counts and implementation groups. */
const expected: Record<string, { version: string; nodes: number; assessable: number; groups: string[] }> = {
  'NIST-CSF-2.0': { version: '2.0', nodes: 134, assessable: 106, groups: [] },
  'NIST-SP-800-53-R5': { version: '5.0.1', nodes: 1209, assessable: 1007, groups: ['LOW', 'MODERATE', 'HIGH'] },
  'ISO-27001-2022-A': { version: '2022', nodes: 97, assessable: 93, groups: [] },
  'NIS2-ART21': { version: '2022', nodes: 12, assessable: 10, groups: [] },
  'CIS-CONTROLS-V8': { version: '8.0', nodes: 171, assessable: 153, groups: ['IG1', 'IG2', 'IG3'] },
  'SOC2-TSC-2017': {
    version: '2017-2022',
    nodes: 81,
    assessable: 61,
    groups: ['security', 'availability', 'confidentiality', 'processing_integrity', 'privacy'],
  },
  'OWASP-ASVS-5.0': { version: '5.0.0', nodes: 442, assessable: 345, groups: ['L1', 'L2', 'L3'] },
};

async function libraryState() {
  const db = t.database.db;
  const fw = await db
    .select({ id: frameworks.id, urn: frameworks.urn, version: frameworks.frameworkVersion })
    .from(frameworks)
    .where(isNull(frameworks.organizationId))
    .orderBy(frameworks.id);
  const [nodes] = await db
    .select({ n: count() })
    .from(requirementNodes)
    .innerJoin(frameworks, eq(frameworks.id, requirementNodes.frameworkId))
    .where(isNull(frameworks.organizationId));
  const sets = await db
    .select({ id: mappingSets.id })
    .from(mappingSets)
    .where(isNull(mappingSets.organizationId))
    .orderBy(mappingSets.id);
  const [rules] = await db.select({ n: count() }).from(mappingRules);
  const [audits] = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.organizationId));
  return { fw, nodes: nodes?.n, sets, rules: rules?.n, audits: audits?.n };
}

describe('built-in library', () => {
  it('lists every built-in framework for a new organisation as a read-only library entry', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/frameworks?limit=200' });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Listed[];
    for (const [refId, want] of Object.entries(expected)) {
      const found = items.filter((f) => f.refId === refId && f.frameworkVersion === want.version);
      expect(found, refId).toHaveLength(1);
      expect(found[0], refId).toMatchObject({
        library: true,
        sourceFormat: 'builtin',
        requirementCount: want.nodes,
        assessableCount: want.assessable,
        abilities: { delete: false },
      });
      expect(
        found[0]?.implementationGroups.map((g) => g.refId),
        refId,
      ).toEqual(want.groups);
    }
    const cis = items.find((f) => f.refId === 'CIS-CONTROLS-V8');
    const removal = await call(t.app, session, { method: 'DELETE', url: `/api/v1/frameworks/${cis?.id}` });
    expect(removal.statusCode).toBe(403);
  });

  it('counts the members of each implementation group in the stored tree', async () => {
    const groupCounts = async (refId: string, groups: string[]) => {
      const [framework] = await t.database.db
        .select({ id: frameworks.id })
        .from(frameworks)
        .where(and(isNull(frameworks.organizationId), eq(frameworks.refId, refId)));
      const nodes = await t.database.db
        .select({ groups: requirementNodes.implementationGroups })
        .from(requirementNodes)
        .where(and(eq(requirementNodes.frameworkId, framework?.id ?? ''), eq(requirementNodes.assessable, true)));
      return groups.map((g) => nodes.filter((n) => n.groups.includes(g)).length);
    };
    expect(await groupCounts('NIST-SP-800-53-R5', ['LOW', 'MODERATE', 'HIGH'])).toEqual([149, 287, 370]);
    expect(await groupCounts('CIS-CONTROLS-V8', ['IG1', 'IG2', 'IG3'])).toEqual([56, 130, 153]);
    expect(await groupCounts('OWASP-ASVS-5.0', ['L1', 'L2', 'L3'])).toEqual([70, 253, 345]);
  });

  it('lists the built-in mapping sets, resolved to the built-in frameworks', async () => {
    const { session } = await createOrgWithOwner(t.app, t.database);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/mapping-sets?limit=200' });
    expect(list.statusCode, list.body).toBe(200);
    const library = (list.json().items as { refId: string; library: boolean }[]).filter((s) => s.library);
    expect(library.map((s) => s.refId).sort()).toEqual(['CSF2-TO-800-53', 'NIS2-TO-ISO27001']);
    for (const set of library) {
      expect(set).toMatchObject({
        sourceFramework: { id: expect.any(String) },
        targetFramework: { id: expect.any(String) },
        abilities: { delete: false },
      });
    }
  });

  it('skips every file on the next start and changes nothing', async () => {
    const before = await libraryState();
    const report = await ensureBuiltinLibrary(t.database.db);
    expect(report).toEqual({ skipped: [...BUILTIN_LIBRARY_FILES], loaded: [] });
    expect(await libraryState()).toEqual(before);
  });

  it('writes nothing new for a changed file whose frameworks keep their version', async () => {
    const before = await libraryState();
    const [iso] = readBuiltinFiles(undefined, ['iso-iec-27001-2022-annex-a.yaml']) as [BuiltinFile];
    const edited = builtinFile(iso.name, `${iso.text}# a comment\n`);
    const report = await ensureBuiltinLibrary(t.database.db, [edited]);
    expect(report.loaded[0]?.result.frameworks).toEqual([expect.objectContaining({ outcome: 'unchanged' })]);
    expect(await libraryState()).toEqual(before);
  });

  it('loads a new version of a built-in file beside the old one, once', async () => {
    const before = await libraryState();
    const [cis] = readBuiltinFiles(undefined, ['cis-controls-v8.yaml']) as [BuiltinFile];
    const text = cis.text.replace('version: "8.0"', 'version: "8.0.1"');
    expect(text).not.toBe(cis.text);
    const newer = builtinFile(cis.name, text);
    const report = await ensureBuiltinLibrary(t.database.db, [newer]);
    expect(report.loaded[0]?.result.frameworks[0]).toMatchObject({ outcome: 'created', frameworkVersion: '8.0.1' });
    const after = await libraryState();
    expect(after.fw).toHaveLength(before.fw.length + 1);
    expect(after.fw).toEqual(expect.arrayContaining(before.fw));
    expect(after.nodes).toBe((before.nodes ?? 0) + 171);
    expect(await ensureBuiltinLibrary(t.database.db, [newer])).toEqual({ skipped: [cis.name], loaded: [] });

    const { session } = await createOrgWithOwner(t.app, t.database);
    const list = await call(t.app, session, { method: 'GET', url: '/api/v1/frameworks?limit=200' });
    const versions = (list.json().items as Listed[])
      .filter((f) => f.refId === 'CIS-CONTROLS-V8')
      .map((f) => f.frameworkVersion)
      .sort();
    expect(versions).toEqual(['8.0', '8.0.1']);
  });
});
