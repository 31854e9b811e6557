import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/client.js';
import { type AuditContext, recordAudit } from '../../audit/index.js';
// Owned by risk-assessments: this module writes scenarios on import, as the shared contracts say.
import {
  ratingsOf,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from '../../risk-assessments/index.js';
import { type MatrixDefinition, riskLevelOf } from '../../risk-matrices/index.js';
import type { RiskHeader } from '../register-lookups.js';
import type { PlannedRow } from './plan.js';
import type { ScenarioValues } from './values.js';

/** The scenario's columns for these values, levels computed from the matrix. */
function columnsOf(def: MatrixDefinition, v: ScenarioValues) {
  return {
    refId: v.refId,
    name: v.name,
    description: v.description,
    vulnerabilities: v.vulnerabilities,
    existingControlsText: v.existingControlsText,
    inherentProbability: v.inherentProbability,
    inherentImpact: v.inherentImpact,
    inherentLevel: riskLevelOf(def, v.inherentProbability, v.inherentImpact),
    currentProbability: v.currentProbability,
    currentImpact: v.currentImpact,
    currentLevel: riskLevelOf(def, v.currentProbability, v.currentImpact),
    residualProbability: v.residualProbability,
    residualImpact: v.residualImpact,
    residualLevel: riskLevelOf(def, v.residualProbability, v.residualImpact),
    treatment: v.treatment,
    ownerId: v.ownerId,
    strengthOfKnowledge: v.strengthOfKnowledge,
    justification: v.justification,
  };
}

const added = (before: string[], after: string[]) => after.filter((id) => !before.includes(id));
const removed = (before: string[], after: string[]) => before.filter((id) => !after.includes(id));

/** Makes the scenario's readable links those of `after`; links the caller cannot read were never loaded. */
async function syncLinks(tx: Transaction, scenarioId: string, before: ScenarioValues | null, after: ScenarioValues) {
  const was = (ids: string[] | undefined) => ids ?? [];
  const threatsGone = removed(was(before?.threatIds), after.threatIds);
  if (threatsGone.length > 0) {
    await tx
      .delete(riskScenarioThreats)
      .where(
        and(eq(riskScenarioThreats.riskScenarioId, scenarioId), inArray(riskScenarioThreats.threatId, threatsGone)),
      );
  }
  const threatsNew = added(was(before?.threatIds), after.threatIds);
  if (threatsNew.length > 0) {
    await tx
      .insert(riskScenarioThreats)
      .values(threatsNew.map((threatId) => ({ riskScenarioId: scenarioId, threatId })))
      .onConflictDoNothing();
  }
  const assetsGone = removed(was(before?.assetIds), after.assetIds);
  if (assetsGone.length > 0) {
    await tx
      .delete(riskScenarioAssets)
      .where(and(eq(riskScenarioAssets.riskScenarioId, scenarioId), inArray(riskScenarioAssets.assetId, assetsGone)));
  }
  const assetsNew = added(was(before?.assetIds), after.assetIds);
  if (assetsNew.length > 0) {
    await tx
      .insert(riskScenarioAssets)
      .values(assetsNew.map((assetId) => ({ riskScenarioId: scenarioId, assetId })))
      .onConflictDoNothing();
  }
  for (const [kind, field] of [
    ['existing', 'existingControlIds'],
    ['planned', 'plannedControlIds'],
  ] as const) {
    const gone = removed(was(before?.[field]), after[field]);
    if (gone.length > 0) {
      await tx
        .delete(riskScenarioControls)
        .where(
          and(
            eq(riskScenarioControls.riskScenarioId, scenarioId),
            eq(riskScenarioControls.kind, kind),
            inArray(riskScenarioControls.appliedControlId, gone),
          ),
        );
    }
    const fresh = added(was(before?.[field]), after[field]);
    if (fresh.length > 0) {
      await tx
        .insert(riskScenarioControls)
        .values(fresh.map((appliedControlId) => ({ riskScenarioId: scenarioId, appliedControlId, kind })))
        .onConflictDoNothing();
    }
  }
}

/**
 * Writes the planned creations and updates in the caller's transaction (all or none), each with a
 * `risk_scenario.imported` audit event. Returns the id of every written scenario by sheet row.
 */
export async function applyPlan(
  tx: Transaction,
  audit: AuditContext,
  header: RiskHeader,
  rows: PlannedRow[],
  fileName: string,
  now: Date,
): Promise<Map<number, string>> {
  const def = header.matrix.definition;
  const ids = new Map<number, string>();
  for (const planned of rows) {
    if (planned.action === 'unchanged') continue;
    let scenarioId = planned.scenarioId;
    if (planned.action === 'create' || !scenarioId) {
      const [created] = await tx
        .insert(riskScenarios)
        .values({
          organizationId: header.organizationId,
          folderId: header.folderId,
          riskAssessmentId: header.id,
          ...columnsOf(def, planned.after),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: riskScenarios.id });
      if (!created) throw new Error('the scenario was not inserted');
      scenarioId = created.id;
    } else {
      await tx
        .update(riskScenarios)
        .set({ ...columnsOf(def, planned.after), updatedAt: now, version: sql`${riskScenarios.version} + 1` })
        .where(and(eq(riskScenarios.id, scenarioId), eq(riskScenarios.riskAssessmentId, header.id)));
    }
    await syncLinks(tx, scenarioId, planned.before, planned.after);
    ids.set(planned.row, scenarioId);
    await recordAudit(
      tx,
      audit,
      {
        organizationId: header.organizationId,
        folderId: header.folderId,
        action: 'risk_scenario.imported',
        objectType: 'risk_scenario',
        objectId: scenarioId,
        changes: {
          riskAssessmentId: header.id,
          file: fileName,
          row: planned.row,
          result: planned.action === 'create' ? 'created' : 'updated',
          fields: planned.fields,
          // The three ratings whole, before and after (as a re-rating records them): the scenario's history is
          // rebuilt from these, and the sheet's columns alone do not say what an unchanged axis was.
          ratings: {
            before: planned.before ? ratingsOf(columnsOf(def, planned.before)) : null,
            after: ratingsOf(columnsOf(def, planned.after)),
          },
        },
      },
      now,
    );
  }
  return ids;
}
