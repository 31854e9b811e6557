import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { complianceAssessments, requirementAssessmentEvidence, requirementAssessments } from '../assessments/tables.js';
import { evidence } from './tables.js';

/**
 * Deleting evidence cascades (ON DELETE CASCADE) to the requirement assessments that cite it. For a locked
 * assessment (done or deprecated: `lockedAt` set) that would silently rewrite a record that must no longer
 * change, so the deletion is refused while any locked assessment uses the evidence.
 *
 * Call inside the deleting transaction. The evidence row is locked first: a concurrent link insert needs a key
 * share lock on it and waits, so no new citation slips in between this check and the delete. The assessments
 * that cite it are read `for share`, so one cannot be locked (its row updated) until this transaction ends, and
 * one being locked right now is seen with its committed `lockedAt`.
 */
export async function refuseIfUsedByLockedAssessments(tx: DbOrTx, evidenceId: string) {
  await tx.select({ id: evidence.id }).from(evidence).where(eq(evidence.id, evidenceId)).for('update');
  const citing = await tx
    .select({ id: complianceAssessments.id, lockedAt: complianceAssessments.lockedAt })
    .from(requirementAssessmentEvidence)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentEvidence.requirementAssessmentId),
    )
    .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
    .where(eq(requirementAssessmentEvidence.evidenceId, evidenceId))
    .for('share', { of: complianceAssessments });
  // Counted here, not with DISTINCT: PostgreSQL refuses DISTINCT together with FOR SHARE.
  const locked = new Set(citing.filter((a) => a.lockedAt !== null).map((a) => a.id)).size;
  if (locked > 0) {
    throw new AppError(
      'conflict',
      `This evidence is used by ${locked} locked assessment${locked === 1 ? '' : 's'} (done or deprecated), ` +
        'whose records cannot change; reopen them or keep the evidence',
    );
  }
}
