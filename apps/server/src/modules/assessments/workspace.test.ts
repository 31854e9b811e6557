import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { statementsOf } from '../../test/statements.js';
import { parseOscalCatalog } from '../frameworks/formats/oscal/catalog.js';
import { CATALOG_800_53, hasSharedOscal, readShared, warnIfNoSharedData } from '../frameworks/testing.js';
import { assessmentsApi as api, createAssessment, seedFramework } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
warnIfNoSharedData('assessment workspace query count');

/** Counts the SQL statements one request sends. */
async function countStatements(session: Session, url: string) {
  const { count, body } = await statementsOf(t.app, session, url);
  // The answer as the tests below read it.
  return { statements: count, body: body as { items: { assessment: unknown; refId: string }[] } };
}

describe('assessment workspace', () => {
  it.skipIf(!hasSharedOscal)(
    'loads 800-53 and a small fixture with the same number of queries',
    async () => {
      const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
      const owner = { organizationId: organization.id, folderId: rootFolderId };
      const small = await seedFramework(t.database, owner);
      const big = await seedFramework(t.database, owner, parseOscalCatalog(readShared(CATALOG_800_53), CATALOG_800_53));
      const smallAssessment = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: small });
      const bigAssessment = await createAssessment(t.app, session, { folderId: rootFolderId, frameworkId: big });
      expect(bigAssessment.requirementCount).toBeGreaterThan(1000);
      for (const suffix of ['/requirements', '/summary', '']) {
        const few = await countStatements(session, `${api}/${smallAssessment.id}${suffix}`);
        const many = await countStatements(session, `${api}/${bigAssessment.id}${suffix}`);
        expect(many.statements, suffix).toBe(few.statements);
        // Session, grants and the assessment, then a fixed few statements for the tree or the summary.
        expect(few.statements, suffix).toBeLessThanOrEqual(8);
        if (suffix === '/requirements') {
          expect(many.body.items.length).toBeGreaterThan(1000);
          expect(many.body.items.filter((i: { assessment: unknown }) => i.assessment).length).toBe(
            bigAssessment.requirementCount,
          );
        }
      }
    },
    60_000,
  );

  it('answers the workspace in few queries on the small fixture, node order and scope included', async () => {
    const { session, organization, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const a = await createAssessment(t.app, session, {
      folderId: rootFolderId,
      frameworkId,
      implementationGroups: ['extended'],
    });
    const { statements, body } = await countStatements(session, `${api}/${a.id}/requirements`);
    // Session, grants, the assessment, then the tree, its requirement assessments and their link counts.
    expect(statements).toBeLessThanOrEqual(8);
    expect(body.items).toHaveLength(8);
    expect(body.items[0]).toMatchObject({ refId: 'GOV', depth: 0, assessable: false, assessment: null });
    expect(
      body.items.filter((i: { assessment: unknown }) => i.assessment).map((i: { refId: string }) => i.refId),
    ).toEqual(['GOV-1', 'GOV-2', 'OPS-1(1)', 'OPS-2']);
  });
});
