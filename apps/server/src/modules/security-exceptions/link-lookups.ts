import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// compliance_assessments and requirement_assessments are owned by the assessments module: links and scope.
import { complianceAssessments, requirementAssessments } from '../assessments/index.js';
// applied_controls is owned by the controls module: links and scope.
import { appliedControls } from '../controls/index.js';
import { folders } from '../folders/index.js';
// requirement_nodes is owned by the frameworks module: the requirement's name for display.
import { requirementNodes } from '../frameworks/index.js';
import { securityExceptionControls, securityExceptionRequirementAssessments } from './tables.js';

/** Requirement assessments among `ids` in the organisation, with their assessment's folder path. */
export const requirementAssessmentsForLinking = (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: requirementAssessments.id, folderPath: folders.path })
        .from(requirementAssessments)
        .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
        .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
        .where(and(eq(requirementAssessments.organizationId, organizationId), inArray(requirementAssessments.id, ids)));

export const controlsForLinking = (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: appliedControls.id, folderPath: folders.path })
        .from(appliedControls)
        .innerJoin(folders, eq(folders.id, appliedControls.folderId))
        .where(and(eq(appliedControls.organizationId, organizationId), inArray(appliedControls.id, ids)));

/** The linked requirement assessments whose assessment the caller may read (`visible`: folder ids). */
export const requirementAssessmentsOf = (db: DbOrTx, exceptionId: string, visible: SQL) =>
  db
    .select({
      id: requirementAssessments.id,
      status: requirementAssessments.status,
      result: requirementAssessments.result,
      assessmentId: complianceAssessments.id,
      assessmentName: complianceAssessments.name,
      requirementId: requirementNodes.id,
      urn: requirementNodes.urn,
      refId: requirementNodes.refId,
      name: requirementNodes.name,
    })
    .from(securityExceptionRequirementAssessments)
    .innerJoin(
      requirementAssessments,
      eq(requirementAssessments.id, securityExceptionRequirementAssessments.requirementAssessmentId),
    )
    .innerJoin(complianceAssessments, eq(complianceAssessments.id, requirementAssessments.assessmentId))
    .innerJoin(requirementNodes, eq(requirementNodes.id, requirementAssessments.requirementNodeId))
    .where(
      and(
        eq(securityExceptionRequirementAssessments.securityExceptionId, exceptionId),
        inArray(complianceAssessments.folderId, visible),
      ),
    )
    .orderBy(complianceAssessments.name, requirementNodes.orderIndex)
    .limit(1000);

export const controlsOf = (db: DbOrTx, exceptionId: string, visible: SQL) =>
  db
    .select({
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
    })
    .from(securityExceptionControls)
    .innerJoin(appliedControls, eq(appliedControls.id, securityExceptionControls.appliedControlId))
    .where(
      and(eq(securityExceptionControls.securityExceptionId, exceptionId), inArray(appliedControls.folderId, visible)),
    )
    .orderBy(appliedControls.name, appliedControls.id)
    .limit(1000);

export const visibleRequirementAssessmentCount = (exceptionId: unknown, visible: SQL) =>
  sql<number>`(select count(*)::int from ${securityExceptionRequirementAssessments} l
    join ${requirementAssessments} ra on ra.id = l.requirement_assessment_id
    join ${complianceAssessments} ca on ca.id = ra.assessment_id
    where l.security_exception_id = ${exceptionId} and ca.folder_id in ${visible})`;

export const visibleControlCount = (exceptionId: unknown, visible: SQL) =>
  sql<number>`(select count(*)::int from ${securityExceptionControls} l
    join ${appliedControls} ac on ac.id = l.applied_control_id
    where l.security_exception_id = ${exceptionId} and ac.folder_id in ${visible})`;
