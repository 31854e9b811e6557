import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { folders } from '../folders/index.js';
// risk_assessments is owned by the risk-assessments module; read here for a read-only view.
import { riskAssessments } from '../risk-assessments/index.js';
// risk_matrices is owned by the risk-matrices module.
import { riskMatrices } from '../risk-matrices/index.js';

/** The assessment with its folder path and its matrix version, within the organisation. */
export const findAssessment = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({
        id: riskAssessments.id,
        folderPath: folders.path,
        riskToleranceLevel: riskAssessments.riskToleranceLevel,
        matrix: {
          id: riskMatrices.id,
          name: riskMatrices.name,
          revision: riskMatrices.revision,
          definition: riskMatrices.definition,
        },
      })
      .from(riskAssessments)
      .innerJoin(folders, eq(folders.id, riskAssessments.folderId))
      .innerJoin(riskMatrices, eq(riskMatrices.id, riskAssessments.riskMatrixId))
      .where(and(eq(riskAssessments.id, id), eq(riskAssessments.organizationId, organizationId)))
  )[0] ?? null;
export type AssessmentView = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/**
 * An assessment the caller may read: 404 when it is another organisation's or its folder is out of sight, 403 when
 * the caller sees the folder but may not read risk assessments there.
 */
export async function loadReadableAssessment(db: DbOrTx, access: Access, id: string): Promise<AssessmentView> {
  const found = await findAssessment(db, access.organizationId, id);
  if (!found) throw notFound('Risk assessment');
  access.require('risk_assessment:read', found.folderPath, 'folder:read', 'Risk assessment');
  return found;
}
