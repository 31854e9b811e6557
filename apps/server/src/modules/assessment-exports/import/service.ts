import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Database, Transaction } from '../../../platform/db/client.js';
import { conflict } from '../../../platform/errors.js';
import type { Access } from '../../access/index.js';
import { complianceAssessments } from '../../assessments/index.js';
import type { AuditContext } from '../../audit/index.js';
import { appliedControls } from '../../controls/index.js';
import { evidence } from '../../evidence/index.js';
import { type AssessmentHeader, loadAssessmentHeader, loadExportRows } from '../load.js';
import { applyImport, describeChange } from './apply.js';
import type { ImportResult } from './contracts.js';
import { importConflicted, importRejected } from './issues.js';
import { planImport } from './plan.js';
import { ImportFileError, readImportTable } from './read-table.js';

const lockedError = () => conflict('The assessment is locked (done): its requirement assessments can no longer change');

/**
 * Imports a filled-in export into an assessment: all rows or none. The plan is made inside the transaction
 * that applies it (the assessment row locked), so what was validated is exactly what is written; a dry run
 * stops before writing.
 */
export function createImportService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function organisationObjects(tx: Transaction, access: Access) {
    const controls = await tx
      .select({
        id: appliedControls.id,
        refId: appliedControls.refId,
        name: appliedControls.name,
        status: appliedControls.status,
      })
      .from(appliedControls)
      .where(
        and(
          eq(appliedControls.organizationId, access.organizationId),
          inArray(appliedControls.folderId, access.visibleFolderIds('applied_control:read')),
        ),
      );
    const items = await tx
      .select({ id: evidence.id, refId: evidence.refId, name: evidence.name })
      .from(evidence)
      .where(
        and(
          eq(evidence.organizationId, access.organizationId),
          inArray(evidence.folderId, access.visibleFolderIds('evidence:read')),
        ),
      );
    return { controls, evidence: items };
  }

  async function lockAssessment(tx: Transaction, header: AssessmentHeader) {
    const [row] = await tx
      .select({ lockedAt: complianceAssessments.lockedAt })
      .from(complianceAssessments)
      .where(eq(complianceAssessments.id, header.id))
      .for('update');
    if (!row || row.lockedAt) throw lockedError();
  }

  return {
    async importFile(
      access: Access,
      audit: AuditContext,
      assessmentId: string,
      file: { name: string; data: Buffer },
      options: { dryRun: boolean; overwrite: boolean },
    ): Promise<ImportResult> {
      const { dryRun, overwrite } = options;
      const header = await loadAssessmentHeader(db, access, assessmentId, 'compliance_assessment:update');
      if (header.lockedAt) throw lockedError();
      const table = await readImportTable(file.data).catch((error: unknown) => {
        throw error instanceof ImportFileError ? importRejected(error.issues) : error;
      });
      return db.transaction(async (tx) => {
        await lockAssessment(tx, header);
        const rows = await loadExportRows(tx, access, header);
        const objects = await organisationObjects(tx, access);
        const { minScore, maxScore } = header.framework;
        const plan = planImport(table, {
          rows,
          ...objects,
          // The same rule as the requirement PATCH (validateScore): no scale, no score.
          scoreRange: minScore !== null && maxScore !== null ? { min: minScore, max: maxScore } : null,
        });
        if (plan.issues.length > 0) throw importRejected(plan.issues);
        if (plan.conflicts.length > 0 && !overwrite) throw importConflicted(plan.conflicts);
        if (!dryRun && plan.changes.length > 0) {
          await applyImport(tx, audit, header, plan.changes, { name: file.name, format: table.format }, clock.now());
        }
        return {
          assessmentId: header.id,
          dryRun,
          format: table.format,
          rowsRead: table.rows.length,
          changed: plan.changes.length,
          unchanged: plan.unchanged,
          headings: plan.headings,
          changes: plan.changes.map(describeChange),
        };
      });
    },
  };
}
