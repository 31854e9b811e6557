import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, conflict } from '../../platform/errors.js';
import { answer } from '../../platform/usage.js';
import { appliedControlDeletion } from '../controls/index.js';
import { evidenceDeletion } from '../evidence/index.js';
import { frameworkDeletion } from '../frameworks/index.js';
import {
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessments,
} from './tables.js';

/**
 * Deleting an applied control or evidence cascades (ON DELETE CASCADE) to the requirement assessments that cite
 * it. For a locked assessment (done or deprecated: `lockedAt` set) that would silently rewrite a record that must
 * no longer change, so the deletion is refused while any locked assessment uses the object.
 *
 * Asked after the owner locked the object's row (see `DeletionCheck`). The assessments that cite it are read
 * `for share`, so one cannot be locked (its row updated) until this transaction ends, and one being locked right
 * now is seen with its committed `lockedAt`.
 */
async function lockedAssessmentsCiting(tx: DbOrTx, via: 'control' | 'evidence', id: string): Promise<number> {
  const link = via === 'control' ? requirementAssessmentControls : requirementAssessmentEvidence;
  const linked =
    via === 'control' ? requirementAssessmentControls.appliedControlId : requirementAssessmentEvidence.evidenceId;
  const citing = await tx
    .select({ id: complianceAssessments.id, lockedAt: complianceAssessments.lockedAt })
    .from(link)
    .innerJoin(requirementAssessments, eq(requirementAssessments.id, link.requirementAssessmentId))
    .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
    .where(eq(linked, id))
    .for('share', { of: complianceAssessments });
  // Counted here, not with DISTINCT: PostgreSQL refuses DISTINCT together with FOR SHARE.
  return new Set(citing.filter((a) => a.lockedAt !== null).map((a) => a.id)).size;
}

const lockedUsage = (noun: string, shortNoun: string, locked: number) =>
  new AppError(
    'conflict',
    `This ${noun} is used by ${locked} locked assessment${locked === 1 ? '' : 's'} (done or deprecated), ` +
      `whose records cannot change; reopen them or keep the ${shortNoun}`,
  );

/** Compliance assessments' answers to the deletion questions of the catalogues they cite. */
export const deletionGuards = [
  answer(appliedControlDeletion, async ({ tx, id }) => {
    const locked = await lockedAssessmentsCiting(tx, 'control', id);
    if (locked > 0) throw lockedUsage('applied control', 'control', locked);
  }),
  answer(evidenceDeletion, async ({ tx, id }) => {
    const locked = await lockedAssessmentsCiting(tx, 'evidence', id);
    if (locked > 0) throw lockedUsage('evidence', 'evidence', locked);
  }),
  // Assessments keep their framework (framework_id and the requirement nodes are ON DELETE RESTRICT).
  answer(frameworkDeletion, async ({ tx, id }) => {
    const [row] = await tx
      .select({ n: count() })
      .from(complianceAssessments)
      .where(eq(complianceAssessments.frameworkId, id));
    const n = row?.n ?? 0;
    if (n > 0) throw conflict(`This framework is used by ${n} assessment(s); delete them first`);
  }),
];
