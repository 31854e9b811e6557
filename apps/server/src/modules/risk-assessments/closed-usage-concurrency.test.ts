import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { auditEvents } from '../audit/tables.js';
import { createThreat } from '../threats/testing.js';
import { riskScenarioThreats } from './tables.js';
import { createAssessment, createScenario, insertMatrix } from './testing.js';

/**
 * Closing an assessment while a threat its scenarios link is being deleted: either the delete wins (it commits
 * first and the assessment is closed without the link) or the close wins (the delete then sees it done and is
 * refused). Never a delete that reads the assessment open, lets the close commit, then cascades into the closed
 * record. The audit chain is serialised per organisation until commit, so its order is the commit order.
 * PostgreSQL only: PGlite has a single connection, so its transactions never interleave.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('deleting a linked threat while its assessment is being closed', () => {
  it('never removes a link from an assessment already closed', async () => {
    const { session, rootFolderId } = await createOrgWithOwner(t.app, t.database);
    const matrix = await insertMatrix(t.database, { organizationId: null });
    // Several rounds: one bad interleaving is enough to show the race, if the lock were missing.
    for (let round = 0; round < 10; round++) {
      const threat = await createThreat(t.app, session, rootFolderId);
      const assessment = await createAssessment(t.app, session, rootFolderId, matrix.id);
      const scenario = await createScenario(t.app, session, assessment.id);
      const linked = await call(t.app, session, {
        method: 'POST',
        url: `/api/v1/risk-scenarios/${scenario.id}/threats`,
        payload: { threatId: threat.id },
      });
      expect(linked.statusCode, linked.body).toBe(200);

      const [removed, closed] = await Promise.all([
        call(t.app, session, { method: 'DELETE', url: `/api/v1/threats/${threat.id}?version=${threat.version}` }),
        call(t.app, session, {
          method: 'PATCH',
          url: `/api/v1/risk-assessments/${assessment.id}`,
          payload: { version: assessment.version, status: 'done' },
        }),
      ]);
      expect(closed.statusCode, closed.body).toBe(200);
      const links = await t.database.db
        .select()
        .from(riskScenarioThreats)
        .where(eq(riskScenarioThreats.threatId, threat.id));
      if (removed.statusCode === 409) {
        expect(removed.json().code).toBe('risk_assessment_locked');
        expect(links).toHaveLength(1);
        continue;
      }
      expect(removed.statusCode, removed.body).toBe(204);
      const events = await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(inArray(auditEvents.objectId, [threat.id, assessment.id]))
        .orderBy(auditEvents.seq);
      const order = events.map((e) => e.action).filter((a) => a === 'threat.deleted' || a === 'risk_assessment.locked');
      expect(order, `round ${round}`).toEqual(['threat.deleted', 'risk_assessment.locked']);
    }
  });
});
