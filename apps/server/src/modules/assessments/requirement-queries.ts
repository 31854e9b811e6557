import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import { folders } from '../folders/tables.js';
import { frameworks, requirementNodes } from '../frameworks/tables.js';
import {
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessments,
} from './tables.js';

/** A requirement assessment with what its checks need: the assessment's folder, lock and framework scale. */
export async function findRequirementAssessment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({
      ra: requirementAssessments,
      node: {
        id: requirementNodes.id,
        urn: requirementNodes.urn,
        refId: requirementNodes.refId,
        name: requirementNodes.name,
        description: requirementNodes.description,
        annotation: requirementNodes.annotation,
        typicalEvidence: requirementNodes.typicalEvidence,
        implementationGroups: requirementNodes.implementationGroups,
      },
      folderId: complianceAssessments.folderId,
      folderPath: folders.path,
      lockedAt: complianceAssessments.lockedAt,
      minScore: frameworks.minScore,
      maxScore: frameworks.maxScore,
    })
    .from(requirementAssessments)
    .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
    .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
    .innerJoin(frameworks, eq(frameworks.id, complianceAssessments.frameworkId))
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(and(eq(requirementAssessments.id, id), eq(requirementAssessments.organizationId, organizationId)));
  return row ?? null;
}
export type RequirementAssessmentRow = NonNullable<Awaited<ReturnType<typeof findRequirementAssessment>>>;

export const linkedEvidence = (db: DbOrTx, requirementAssessmentId: string) =>
  db
    .select({ id: evidence.id, refId: evidence.refId, name: evidence.name, status: evidence.status })
    .from(requirementAssessmentEvidence)
    .innerJoin(evidence, eq(evidence.id, requirementAssessmentEvidence.evidenceId))
    .where(eq(requirementAssessmentEvidence.requirementAssessmentId, requirementAssessmentId))
    .orderBy(evidence.name);

export const linkedControls = (db: DbOrTx, requirementAssessmentId: string) =>
  db
    .select({
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
    })
    .from(requirementAssessmentControls)
    .innerJoin(appliedControls, eq(appliedControls.id, requirementAssessmentControls.appliedControlId))
    .where(eq(requirementAssessmentControls.requirementAssessmentId, requirementAssessmentId))
    .orderBy(appliedControls.name);

/** Of `ids`, those of the organisation in folders the caller may read (visible: an SQL folder-id subquery). */
export async function readableEvidenceIds(db: DbOrTx, organizationId: string, visible: SQL, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(
      and(eq(evidence.organizationId, organizationId), inArray(evidence.id, ids), inArray(evidence.folderId, visible)),
    );
  return new Set(rows.map((r) => r.id));
}

export async function readableControlIds(db: DbOrTx, organizationId: string, visible: SQL, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: appliedControls.id })
    .from(appliedControls)
    .where(
      and(
        eq(appliedControls.organizationId, organizationId),
        inArray(appliedControls.id, ids),
        inArray(appliedControls.folderId, visible),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function replaceEvidenceLinks(db: DbOrTx, requirementAssessmentId: string, ids: string[]) {
  await db
    .delete(requirementAssessmentEvidence)
    .where(eq(requirementAssessmentEvidence.requirementAssessmentId, requirementAssessmentId));
  if (ids.length > 0) {
    await db
      .insert(requirementAssessmentEvidence)
      .values(ids.map((evidenceId) => ({ requirementAssessmentId, evidenceId })));
  }
}

export async function replaceControlLinks(db: DbOrTx, requirementAssessmentId: string, ids: string[]) {
  await db
    .delete(requirementAssessmentControls)
    .where(eq(requirementAssessmentControls.requirementAssessmentId, requirementAssessmentId));
  if (ids.length > 0) {
    await db
      .insert(requirementAssessmentControls)
      .values(ids.map((appliedControlId) => ({ requirementAssessmentId, appliedControlId })));
  }
}

/** Current versions of `ids` within one assessment (ids of other assessments are simply absent). */
export async function versionsIn(db: DbOrTx, assessmentId: string, ids: string[]) {
  const rows = await db
    .select({ id: requirementAssessments.id, version: requirementAssessments.version })
    .from(requirementAssessments)
    .where(and(eq(requirementAssessments.assessmentId, assessmentId), inArray(requirementAssessments.id, ids)));
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** One UPDATE for the whole selection; the (id, version) pairs travel as one JSON parameter. */
export function bulkUpdate(
  db: DbOrTx,
  assessmentId: string,
  items: { id: string; version: number }[],
  set: Record<string, unknown>,
) {
  const pairs = JSON.stringify(items);
  return selectRows<{ id: string; version: number }>(
    db,
    sql`update requirement_assessments ra set ${sql.join(
      Object.entries(set).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
      sql`, `,
    )}, version = ra.version + 1, updated_at = now()
      from jsonb_to_recordset(${pairs}::jsonb) as x(id uuid, version int)
      where ra.assessment_id = ${assessmentId} and ra.id = x.id and ra.version = x.version
      returning ra.id, ra.version`,
  );
}
