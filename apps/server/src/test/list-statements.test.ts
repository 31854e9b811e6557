import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidence } from '../modules/assessment-exports/testing.js';
import { createAssessment as createComplianceAssessment, seedFramework } from '../modules/assessments/testing.js';
import { createAsset, support } from '../modules/assets/testing.js';
import { createControl } from '../modules/controls/testing.js';
import { createAssessment, createFinding } from '../modules/findings/testing.js';
import {
  createAssessment as createRiskAssessment,
  createScenario,
  insertMatrix,
} from '../modules/risk-assessments/testing.js';
import { call, createTestApp } from './app.js';
import { createOrgWithOwner } from './factories.js';
import { statementsOf } from './statements.js';

/**
 * The main lists send a fixed, small number of SQL statements whatever the page holds: the caller's session and
 * grants, the page, and one statement per related set (owners, counts) for all its rows — never one per row.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Statements of one page, for the page's item count. */
async function pageOf(session: Parameters<typeof statementsOf>[1], url: string) {
  const { count, body } = await statementsOf(t.app, session, url);
  return { count, items: (body as { items: unknown[] }).items.length };
}

describe('statements per list page', () => {
  it('assets, controls, evidence, findings, compliance assessments, scenarios: as many for 2 rows as for 30', async () => {
    const { session, rootFolderId, organization, owner } = await createOrgWithOwner(t.app, t.database);
    const assessment = await createAssessment(t.app, session, rootFolderId);
    const frameworkId = await seedFramework(t.database, { organizationId: organization.id, folderId: rootFolderId });
    const matrix = await insertMatrix(t.database, { organizationId: null });
    const riskAssessment = await createRiskAssessment(t.app, session, rootFolderId, matrix.id);
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const asset = await createAsset(t.app, session, rootFolderId, { ownerIds: [owner.id] });
        const primary = await createAsset(t.app, session, rootFolderId, { type: 'primary' });
        await support(t.app, session, asset.id, primary.id);
        await createControl(t.app, session, rootFolderId, { ownerIds: [owner.id] });
        await createEvidence(t.database, { organizationId: organization.id, folderId: rootFolderId, name: `E ${i}` });
        await createFinding(t.app, session, { findingsAssessmentId: assessment.id, ownerId: owner.id });
        await createComplianceAssessment(t.app, session, { folderId: rootFolderId, frameworkId });
        await createScenario(t.app, session, riskAssessment.id, {
          ownerId: owner.id,
          inherent: { probability: 1, impact: 2 },
        });
      }
    };
    const lists = [
      '/api/v1/assets',
      '/api/v1/applied-controls',
      '/api/v1/evidence',
      '/api/v1/findings',
      '/api/v1/compliance-assessments',
      '/api/v1/risk-scenarios',
    ];
    await add(1);
    const small = [];
    for (const url of lists) small.push(await pageOf(session, `${url}?limit=50`));
    await add(15);
    const large = [];
    for (const url of lists) large.push(await pageOf(session, `${url}?limit=50`));
    for (const [i, url] of lists.entries()) {
      expect(large[i]?.items, url).toBeGreaterThanOrEqual(15);
      expect(large[i]?.count, url).toBe(small[i]?.count);
      expect(large[i]?.count, url).toBeLessThanOrEqual(8);
    }
    // The answers are the real ones, not an empty page.
    const listed = await call(t.app, session, { method: 'GET', url: '/api/v1/assets?limit=50' });
    expect(listed.json().items.length).toBe(32);
  });
});
