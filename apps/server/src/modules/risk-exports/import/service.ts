import { eq } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/client.js';
import { refreshStatistics } from '../../../platform/db/statistics.js';
import { notFound } from '../../../platform/errors.js';
import type { Access, Permission } from '../../access/index.js';
import type { AuditContext } from '../../audit/index.js';
// Owned by risk-assessments: what a done or deprecated assessment refuses (409 risk_assessment_locked) is its rule.
// Owned by risk-assessments: the assessment row is locked while its scenarios are written.
import { requireUnlocked, riskAssessments, riskScenarios } from '../../risk-assessments/index.js';
import { loadImportReferences } from '../reference-lookups.js';
import { loadRiskHeader, loadScenarios } from '../register-lookups.js';
import { applyPlan } from './apply.js';
import type { ImportResult } from './contracts.js';
import { importRejected, MAX_ERRORS } from './errors.js';
import { planImport } from './plan.js';
import { ImportFileError, readScenarioSheet } from './read-sheet.js';

/**
 * Imports a "Scenarios" sheet into a risk assessment: all rows or none. The plan is made inside the transaction
 * that applies it (the assessment row locked), so what was checked is exactly what is written; a dry run stops
 * before writing and answers the plan with every problem.
 */
export function createImportService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async importFile(
      access: Access,
      audit: AuditContext,
      riskAssessmentId: string,
      file: { name: string; data: Buffer },
      options: { dryRun: boolean },
    ): Promise<ImportResult> {
      const permissions: Permission[] = ['risk_scenario:create', 'risk_scenario:update'];
      const checked = await loadRiskHeader(db, access, riskAssessmentId, permissions);
      // Checked before the file is read, so a closed assessment answers 409 without parsing the upload.
      requireUnlocked(checked);
      const table = await readScenarioSheet(file.data).catch((error: unknown) => {
        throw error instanceof ImportFileError ? importRejected(error.errors) : error;
      });
      const result = await db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ status: riskAssessments.status })
          .from(riskAssessments)
          .where(eq(riskAssessments.id, checked.id))
          .for('update');
        // Deleted since the first read: gone, as for any other reader.
        if (!locked) throw notFound('Risk assessment');
        requireUnlocked(locked);
        // Read again under the lock: a re-rating committed since the first read moved the ratings to another matrix.
        const header = await loadRiskHeader(tx, access, riskAssessmentId, permissions);
        const now = clock.now();
        const scenarios = await loadScenarios(tx, access, header, now.toISOString().slice(0, 10));
        const refs = await loadImportReferences(tx, access);
        const plan = planImport(table, header.matrix.definition, scenarios, refs);
        if (plan.errors.length > 0 && !options.dryRun) throw importRejected(plan.errors);
        const written =
          options.dryRun || plan.errors.length > 0
            ? new Map<number, string>()
            : await applyPlan(tx, audit, header, plan.rows, file.name, now);
        const count = (action: string) => plan.rows.filter((r) => r.action === action).length;
        return {
          riskAssessmentId: header.id,
          dryRun: options.dryRun,
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
          rows: plan.rows.map((r) => ({
            row: r.row,
            action: r.action,
            scenarioId: r.scenarioId ?? written.get(r.row) ?? null,
            refId: r.after.refId,
            name: r.after.name,
            fields: r.fields,
          })),
          errors: plan.errors.slice(0, MAX_ERRORS),
        };
      });
      await refreshStatistics(db, [riskScenarios], result.dryRun ? 0 : result.create + result.update);
      return result;
    },
  };
}
