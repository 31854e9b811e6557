import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { complianceAssessments, requirementAssessmentControls, requirementAssessments } from '../assessments/tables.js';
import { appliedControls } from './tables.js';

/**
 * Deleting an applied control cascades (ON DELETE CASCADE) to the requirement assessments that cite it. For a
 * locked assessment (done or deprecated: `lockedAt` set) that would silently rewrite a record that must no longer
 * change, so the deletion is refused while any locked assessment uses the control.
 *
 * Call inside the deleting transaction. The control's row is locked first: a concurrent link insert needs a key
 * share lock on it and waits, so no new citation slips in between this check and the delete. The assessments
 * that cite it are read `for share`, so one cannot be locked (its row updated) until this transaction ends, and
 * one being locked right now is seen with its committed `lockedAt`.
 */
export async function refuseIfUsedByLockedAssessments(tx: DbOrTx, appliedControlId: string) {
  await tx
    .select({ id: appliedControls.id })
    .from(appliedControls)
    .where(eq(appliedControls.id, appliedControlId))
    .for('update');
  const citing = await tx
    .select({ id: complianceAssessments.id, lockedAt: complianceAssessments.lockedAt })
    .from(requirementAssessmentControls)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentControls.requirementAssessmentId),
    )
    .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
    .where(eq(requirementAssessmentControls.appliedControlId, appliedControlId))
    .for('share', { of: complianceAssessments });
  // Counted here, not with DISTINCT: PostgreSQL refuses DISTINCT together with FOR SHARE.
  const locked = new Set(citing.filter((a) => a.lockedAt !== null).map((a) => a.id)).size;
  if (locked > 0) {
    throw new AppError(
      'conflict',
      `This applied control is used by ${locked} locked assessment${locked === 1 ? '' : 's'} (done or deprecated), ` +
        'whose records cannot change; reopen them or keep the control',
    );
  }
}
