import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { appliedControls } from '../controls/index.js';
import { evidence } from '../evidence/index.js';
import { frameworks, requirementNodes } from '../frameworks/index.js';
import {
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessments,
} from './tables.js';
import type { CurrentRequirement, TargetNode } from './upgrade-plan.js';

const parents = alias(requirementNodes, 'parent_node');

/**
 * The assessment's requirement assessments with their nodes and every link (three statements whatever the size);
 * `visibleEvidence` / `visibleControls` are the caller's readable-folder subqueries, used only to count.
 */
export async function loadCurrentRequirements(
  db: DbOrTx,
  assessmentId: string,
  visibleEvidence: SQL,
  visibleControls: SQL,
): Promise<CurrentRequirement[]> {
  const rows = await db
    .select({
      raId: requirementAssessments.id,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
      description: requirementNodes.description,
      annotation: requirementNodes.annotation,
      parentUrn: parents.urn,
      implementationGroups: requirementNodes.implementationGroups,
      result: requirementAssessments.result,
      status: requirementAssessments.status,
      score: requirementAssessments.score,
      isScored: requirementAssessments.isScored,
      observation: requirementAssessments.observation,
      inferred: requirementAssessments.inferred,
    })
    .from(requirementAssessments)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .leftJoin(parents, eq(parents.id, requirementNodes.parentId))
    .where(eq(requirementAssessments.assessmentId, assessmentId))
    .orderBy(asc(requirementNodes.orderIndex));
  const evidenceLinks = await db
    .select({
      raId: requirementAssessmentEvidence.requirementAssessmentId,
      id: requirementAssessmentEvidence.evidenceId,
      visible: sql<boolean>`${evidence.folderId} in ${visibleEvidence}`,
    })
    .from(requirementAssessmentEvidence)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentEvidence.requirementAssessmentId),
    )
    .innerJoin(evidence, eq(evidence.id, requirementAssessmentEvidence.evidenceId))
    .where(eq(requirementAssessments.assessmentId, assessmentId));
  const controlLinks = await db
    .select({
      raId: requirementAssessmentControls.requirementAssessmentId,
      id: requirementAssessmentControls.appliedControlId,
      visible: sql<boolean>`${appliedControls.folderId} in ${visibleControls}`,
    })
    .from(requirementAssessmentControls)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, requirementAssessmentControls.requirementAssessmentId),
    )
    .innerJoin(appliedControls, eq(appliedControls.id, requirementAssessmentControls.appliedControlId))
    .where(eq(requirementAssessments.assessmentId, assessmentId));

  const byRa = new Map<string, CurrentRequirement>(
    rows.map((r) => [
      r.raId,
      {
        ...r,
        evidenceIds: [],
        controlIds: [],
        visibleEvidenceCount: 0,
        visibleControlCount: 0,
      },
    ]),
  );
  for (const link of evidenceLinks) {
    const ra = byRa.get(link.raId);
    if (!ra) continue;
    ra.evidenceIds.push(link.id);
    if (link.visible) ra.visibleEvidenceCount += 1;
  }
  for (const link of controlLinks) {
    const ra = byRa.get(link.raId);
    if (!ra) continue;
    ra.controlIds.push(link.id);
    if (link.visible) ra.visibleControlCount += 1;
  }
  return [...byRa.values()];
}

/** Every node of a framework version with its parent's URN, in tree order. */
export function loadTargetNodes(db: DbOrTx, frameworkId: string): Promise<TargetNode[]> {
  return db
    .select({
      id: requirementNodes.id,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
      description: requirementNodes.description,
      annotation: requirementNodes.annotation,
      parentUrn: parents.urn,
      implementationGroups: requirementNodes.implementationGroups,
      assessable: requirementNodes.assessable,
      withdrawn: requirementNodes.withdrawn,
    })
    .from(requirementNodes)
    .leftJoin(parents, eq(parents.id, requirementNodes.parentId))
    .where(eq(requirementNodes.frameworkId, frameworkId))
    .orderBy(asc(requirementNodes.orderIndex));
}

/** Other versions of a framework URN the organisation can see (library entries and its own), newest load first. */
export function otherVersions(db: DbOrTx, organizationId: string, urn: string, exceptId: string) {
  return db
    .select({ id: frameworks.id, frameworkVersion: frameworks.frameworkVersion, name: frameworks.name })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.urn, urn),
        sql`${frameworks.id} <> ${exceptId}`,
        sql`(${frameworks.organizationId} is null or ${frameworks.organizationId} = ${organizationId})`,
      ),
    )
    .orderBy(sql`${frameworks.createdAt} desc`, frameworks.id);
}

/** Moves the assessment to another framework version if it still has the expected version; false when stale. */
export async function repointAssessment(db: DbOrTx, id: string, version: number, frameworkId: string) {
  const updated = await db
    .update(complianceAssessments)
    .set({ frameworkId, version: sql`${complianceAssessments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(complianceAssessments.id, id), eq(complianceAssessments.version, version)))
    .returning({ id: complianceAssessments.id });
  return updated.length > 0;
}

/**
 * Applies the plan's row changes, each as one statement whatever the count. Pairs and ids travel as one JSON
 * parameter (arrays bind differently on PGlite and node-postgres). Kept rows get a new version: a client holding
 * the old one is looking at a node that is no longer theirs.
 */
export async function applyUpgradeRows(
  db: DbOrTx,
  params: {
    organizationId: string;
    assessmentId: string;
    kept: { raId: string; nodeId: string }[];
    clearScores: string[];
    removed: string[];
    addedNodeIds: string[];
  },
) {
  const { organizationId, assessmentId } = params;
  if (params.kept.length > 0) {
    await db.execute(sql`
      update requirement_assessments ra
      set requirement_node_id = (k.value ->> 'nodeId')::uuid, version = ra.version + 1, updated_at = now()
      from jsonb_array_elements(${JSON.stringify(params.kept)}::jsonb) k
      where ra.assessment_id = ${assessmentId}::uuid and ra.id = (k.value ->> 'raId')::uuid`);
  }
  if (params.clearScores.length > 0) {
    await db.execute(sql`
      update requirement_assessments set score = null, is_scored = false
      where assessment_id = ${assessmentId}::uuid
        and id in (select (jsonb_array_elements_text(${JSON.stringify(params.clearScores)}::jsonb))::uuid)`);
  }
  if (params.removed.length > 0) {
    // Evidence and control links go with the rows (ON DELETE CASCADE); their ids are in the audit event.
    await db.execute(sql`
      delete from requirement_assessments
      where assessment_id = ${assessmentId}::uuid
        and id in (select (jsonb_array_elements_text(${JSON.stringify(params.removed)}::jsonb))::uuid)`);
  }
  if (params.addedNodeIds.length > 0) {
    await selectRows(
      db,
      sql`insert into requirement_assessments (organization_id, assessment_id, requirement_node_id)
          select ${organizationId}::uuid, ${assessmentId}::uuid, n.id
          from requirement_nodes n
          where n.id in (select (jsonb_array_elements_text(${JSON.stringify(params.addedNodeIds)}::jsonb))::uuid)
          order by n.order_index
          returning id`,
    );
  }
}
