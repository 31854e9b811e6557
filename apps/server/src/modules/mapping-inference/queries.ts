import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { complianceAssessments, requirementAssessments } from '../assessments/index.js';
import { folders } from '../folders/index.js';
import { frameworks, mappingRules, mappingSets, requirementNodes } from '../frameworks/index.js';
import type { MappingRuleInput } from './engine.js';
import type { TargetRow } from './writes.js';

/**
 * Read side of mapping inference. Mapping sets are the library's (no organisation) and the organisation's own;
 * assessments are loaded with their folder path so the service checks compliance_assessment:read on each.
 */
export async function findAssessments(db: DbOrTx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: complianceAssessments.id,
      name: complianceAssessments.name,
      status: complianceAssessments.status,
      folderId: complianceAssessments.folderId,
      folderPath: folders.path,
      frameworkId: complianceAssessments.frameworkId,
      frameworkUrn: frameworks.urn,
      frameworkName: frameworks.name,
      lockedAt: complianceAssessments.lockedAt,
      inferredFrom: complianceAssessments.inferredFrom,
      implementationGroups: complianceAssessments.implementationGroups,
      version: complianceAssessments.version,
    })
    .from(complianceAssessments)
    .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
    .innerJoin(frameworks, eq(frameworks.id, complianceAssessments.frameworkId))
    .where(and(eq(complianceAssessments.organizationId, organizationId), inArray(complianceAssessments.id, ids)));
}
export type AssessmentRow = Awaited<ReturnType<typeof findAssessments>>[number];

/** Every requirement result of the given assessments, with the requirement's URN: one query for all sources. */
export function sourceResults(db: DbOrTx, organizationId: string, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      assessmentId: requirementAssessments.assessmentId,
      requirementUrn: requirementNodes.urn,
      refId: requirementNodes.refId,
      result: requirementAssessments.result,
    })
    .from(requirementAssessments)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(
      and(
        eq(requirementAssessments.organizationId, organizationId),
        inArray(requirementAssessments.assessmentId, assessmentIds),
      ),
    );
}

/** The mapping sets the organisation may use, without their rules (the graph of frameworks). */
export const visibleMappingSets = (db: DbOrTx, organizationId: string) =>
  db
    .select({
      id: mappingSets.id,
      name: mappingSets.name,
      sourceFrameworkUrn: mappingSets.sourceFrameworkUrn,
      targetFrameworkUrn: mappingSets.targetFrameworkUrn,
    })
    .from(mappingSets)
    .where(or(isNull(mappingSets.organizationId), eq(mappingSets.organizationId, organizationId)));

/** The rules of the sets a path uses, in one query. */
export function rulesOf(db: DbOrTx, mappingSetIds: string[]): Promise<MappingRuleInput[]> {
  if (mappingSetIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      mappingSetId: mappingRules.mappingSetId,
      sourceRequirementUrn: mappingRules.sourceRequirementUrn,
      targetRequirementUrn: mappingRules.targetRequirementUrn,
      relationship: mappingRules.relationship,
    })
    .from(mappingRules)
    .where(inArray(mappingRules.mappingSetId, mappingSetIds));
}

/** A framework the organisation sees (library or its own). */
export const findVisibleFramework = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({
        id: frameworks.id,
        urn: frameworks.urn,
        name: frameworks.name,
        implementationGroups: frameworks.implementationGroups,
      })
      .from(frameworks)
      .where(
        and(
          eq(frameworks.id, id),
          or(isNull(frameworks.organizationId), eq(frameworks.organizationId, organizationId)),
        ),
      )
  )[0] ?? null;

/**
 * The requirements an assessment of the framework would hold: assessable, not withdrawn, in one of the groups
 * when groups are given (the same scope as insertAssessment), in the framework's order.
 */
export function scopeRequirements(db: DbOrTx, frameworkId: string, groups: string[]) {
  const groupsJson = JSON.stringify(groups);
  return selectRows<{ id: string; urn: string; ref_id: string | null; name: string | null }>(
    db,
    sql`select n.id, n.urn, n.ref_id, n.name from ${requirementNodes} n
        where n.framework_id = ${frameworkId}::uuid and n.assessable and not n.withdrawn
          and (${groups.length} = 0
               or n.implementation_groups && array(select jsonb_array_elements_text(${groupsJson}::jsonb)))
        order by n.order_index`,
  );
}

/** The requirement assessments of a target assessment with what refresh needs to know about each. */
export function targetRows(db: DbOrTx, assessmentId: string): Promise<TargetRow[]> {
  return db
    .select({
      requirementNodeId: requirementAssessments.requirementNodeId,
      urn: requirementNodes.urn,
      result: requirementAssessments.result,
      inferred: requirementAssessments.inferred,
    })
    .from(requirementAssessments)
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(eq(requirementAssessments.assessmentId, assessmentId))
    .orderBy(asc(requirementNodes.orderIndex));
}

/** Frameworks loaded and visible to the organisation whose URN is among these. */
export function frameworksByUrn(db: DbOrTx, organizationId: string, urns: string[]) {
  if (urns.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: frameworks.id,
      urn: frameworks.urn,
      name: frameworks.name,
      frameworkVersion: frameworks.frameworkVersion,
    })
    .from(frameworks)
    .where(
      and(
        inArray(frameworks.urn, urns),
        or(isNull(frameworks.organizationId), eq(frameworks.organizationId, organizationId)),
      ),
    )
    .orderBy(asc(frameworks.name), asc(frameworks.frameworkVersion));
}
