import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { appliedControls } from '../controls/index.js';
import { evidence } from '../evidence/index.js';
import { folders } from '../folders/index.js';
import { frameworks, requirementNodes } from '../frameworks/index.js';
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

/**
 * Links are listed only where the caller may read their target (visible: an SQL folder-id subquery for
 * evidence:read or applied_control:read): an assessment's readers need not read the linked evidence's folder.
 */
export const linkedEvidence = (db: DbOrTx, requirementAssessmentId: string, visible: SQL) =>
  db
    .select({ id: evidence.id, refId: evidence.refId, name: evidence.name, status: evidence.status })
    .from(requirementAssessmentEvidence)
    .innerJoin(evidence, eq(evidence.id, requirementAssessmentEvidence.evidenceId))
    .where(
      and(
        eq(requirementAssessmentEvidence.requirementAssessmentId, requirementAssessmentId),
        inArray(evidence.folderId, visible),
      ),
    )
    .orderBy(evidence.name, evidence.id);

export const linkedControls = (db: DbOrTx, requirementAssessmentId: string, visible: SQL) =>
  db
    .select({
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
    })
    .from(requirementAssessmentControls)
    .innerJoin(appliedControls, eq(appliedControls.id, requirementAssessmentControls.appliedControlId))
    .where(
      and(
        eq(requirementAssessmentControls.requirementAssessmentId, requirementAssessmentId),
        inArray(appliedControls.folderId, visible),
      ),
    )
    .orderBy(appliedControls.name, appliedControls.id);

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

/** What a replacement did, as the caller sees it: their visible links before, and after (= what they asked). */
export interface LinkReplacement {
  before: string[];
  after: string[];
}

/** The link changes that make the visible links equal `wanted`; links the caller cannot see stay. */
function planReplacement(all: string[], visible: string[], wanted: string[]) {
  return {
    add: wanted.filter((id) => !all.includes(id)),
    remove: visible.filter((id) => !wanted.includes(id)),
  };
}

/** Replaces the evidence links the caller can see (`visible`: evidence:read folders); wanted ids are readable. */
export async function replaceEvidenceLinks(
  db: DbOrTx,
  requirementAssessmentId: string,
  visible: SQL,
  wanted: string[],
): Promise<LinkReplacement> {
  const links = await db
    .select({ id: evidence.id, visible: sql<boolean>`${evidence.folderId} in ${visible}` })
    .from(requirementAssessmentEvidence)
    .innerJoin(evidence, eq(evidence.id, requirementAssessmentEvidence.evidenceId))
    .where(eq(requirementAssessmentEvidence.requirementAssessmentId, requirementAssessmentId));
  const before = links.filter((l) => l.visible).map((l) => l.id);
  const { add, remove } = planReplacement(
    links.map((l) => l.id),
    before,
    wanted,
  );
  if (remove.length > 0) {
    await db
      .delete(requirementAssessmentEvidence)
      .where(
        and(
          eq(requirementAssessmentEvidence.requirementAssessmentId, requirementAssessmentId),
          inArray(requirementAssessmentEvidence.evidenceId, remove),
        ),
      );
  }
  if (add.length > 0) {
    await db
      .insert(requirementAssessmentEvidence)
      .values(add.map((evidenceId) => ({ requirementAssessmentId, evidenceId })));
  }
  return { before, after: wanted };
}

/** Replaces the control links the caller can see (`visible`: applied_control:read folders). */
export async function replaceControlLinks(
  db: DbOrTx,
  requirementAssessmentId: string,
  visible: SQL,
  wanted: string[],
): Promise<LinkReplacement> {
  const links = await db
    .select({ id: appliedControls.id, visible: sql<boolean>`${appliedControls.folderId} in ${visible}` })
    .from(requirementAssessmentControls)
    .innerJoin(appliedControls, eq(appliedControls.id, requirementAssessmentControls.appliedControlId))
    .where(eq(requirementAssessmentControls.requirementAssessmentId, requirementAssessmentId));
  const before = links.filter((l) => l.visible).map((l) => l.id);
  const { add, remove } = planReplacement(
    links.map((l) => l.id),
    before,
    wanted,
  );
  if (remove.length > 0) {
    await db
      .delete(requirementAssessmentControls)
      .where(
        and(
          eq(requirementAssessmentControls.requirementAssessmentId, requirementAssessmentId),
          inArray(requirementAssessmentControls.appliedControlId, remove),
        ),
      );
  }
  if (add.length > 0) {
    await db
      .insert(requirementAssessmentControls)
      .values(add.map((appliedControlId) => ({ requirementAssessmentId, appliedControlId })));
  }
  return { before, after: wanted };
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
