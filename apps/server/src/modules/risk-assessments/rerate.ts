import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit, updateAudited } from '../audit/index.js';
import { usableMatrix } from './catalog-lookups.js';
import type { RerateInput } from './contracts.js';
import { checkRerateMaps, checkTolerance, columnsOf, ratingsOf, rerate, sameRatings } from './rating.js';
import { loadReadableAssessment, matrixOrNotFound } from './service.js';
import { requireUnlocked } from './status.js';
import { riskAssessments, riskScenarios } from './tables.js';

/**
 * Moves an assessment to another matrix (typically a new revision of its own) in one transaction: every
 * scenario's three ratings go through the maps, their levels are recomputed on the new grid, and each scenario
 * that changed gets a `risk_scenario.re_rated` event with its old and new ratings — the kept history.
 */
export function createRerateService(deps: { db: Database }) {
  const { db } = deps;
  return async function rerateAssessment(
    access: Access,
    audit: AuditContext,
    id: string,
    version: number,
    input: RerateInput,
  ) {
    await db.transaction(async (tx) => {
      const found = await loadReadableAssessment(tx, access, id);
      access.require('risk_assessment:update', found.folderPath, 'risk_assessment:read', 'Risk assessment');
      requireUnlocked(found.row);
      const from = await usableMatrix(tx, access.organizationId, found.row.riskMatrixId);
      if (!from) throw notFound('Risk matrix');
      const to = await matrixOrNotFound(tx, access, input.riskMatrixId);
      checkRerateMaps(from.definition, to.definition, input);
      const tolerance = input.toleranceLevel === undefined ? found.row.riskToleranceLevel : input.toleranceLevel;
      if (input.toleranceLevel === undefined && tolerance !== null && tolerance >= to.definition.risk.length) {
        throw invalid('body.toleranceLevel', 'The current tolerance is not a level of the new matrix: choose one');
      }
      checkTolerance(to.definition, tolerance, 'body.toleranceLevel');

      // Scenarios first, each with its own event, then the assessment at the version the caller loaded: a stale
      // version throws there and the whole transaction, re-rated scenarios included, rolls back.
      const scenarios = await tx
        .select()
        .from(riskScenarios)
        .where(eq(riskScenarios.riskAssessmentId, id))
        .orderBy(riskScenarios.id)
        .for('update');
      let changed = 0;
      for (const scenario of scenarios) {
        const before = ratingsOf(scenario);
        const next = rerate(to.definition, before, input);
        if (sameRatings(before, next)) continue;
        changed++;
        await tx
          .update(riskScenarios)
          .set({ ...columnsOf(next), version: sql`${riskScenarios.version} + 1`, updatedAt: sql`now()` })
          .where(eq(riskScenarios.id, scenario.id));
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: scenario.folderId,
          action: 'risk_scenario.re_rated',
          objectType: 'risk_scenario',
          objectId: scenario.id,
          changes: {
            riskMatrixId: { before: from.id, after: to.id },
            ratings: { before, after: next },
          },
        });
      }
      await updateAudited(tx, audit, {
        table: riskAssessments,
        id,
        version,
        set: { riskMatrixId: to.id, riskToleranceLevel: tolerance },
        event: (after) => ({
          organizationId: access.organizationId,
          folderId: after.folderId,
          action: 'risk_assessment.re_rated',
          objectType: 'risk_assessment',
        }),
        changes: () => ({
          riskMatrixId: { before: from.id, after: to.id },
          riskToleranceLevel: { before: found.row.riskToleranceLevel, after: tolerance },
          probabilityMap: input.probabilityMap,
          impactMap: input.impactMap,
          scenariosChanged: changed,
          scenariosTotal: scenarios.length,
        }),
      });
    });
  };
}
