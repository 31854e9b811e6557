import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { DecisionRecordKind } from '../decision-records/index.js';
import type { SecurityExceptionSummaryDto } from './contracts.js';
import {
  controlsForLinking,
  controlsOf,
  requirementAssessmentsForLinking,
  requirementAssessmentsOf,
  visibleControlCount,
  visibleRequirementAssessmentCount,
} from './link-lookups.js';
import { type ExceptionLinks, type ExceptionRow, toExceptionSummary } from './presenter.js';
import { exceptionLifecycle, reviewProblems, type SecurityExceptionState } from './rules.js';
import { securityExceptionControls, securityExceptionRequirementAssessments, securityExceptions } from './tables.js';

/**
 * A security exception as a decision record: a requirement or control knowingly not met, approved for a time.
 * What sets it apart is data here: its lifecycle (rules.ts, with an `expired` state the expiry task moves it to),
 * a named owner who may resolve it, a severity, and links to requirement assessments and applied controls.
 */
export const securityExceptionKind: DecisionRecordKind<
  SecurityExceptionState,
  ExceptionRow,
  ExceptionLinks,
  SecurityExceptionSummaryDto
> = {
  table: securityExceptions,
  objectType: 'security_exception',
  noun: 'Security exception',
  permissions: {
    read: 'security_exception:read',
    create: 'security_exception:create',
    update: 'security_exception:update',
    delete: 'security_exception:delete',
    approve: 'security_exception:approve',
  },
  lifecycle: exceptionLifecycle,
  // The owner must be able to read the exception; the approver decides, so holds approval authority.
  people: [
    {
      field: 'ownerId',
      permission: 'security_exception:read',
      message: 'Not a member who may read security exceptions in this folder',
    },
    {
      field: 'approverId',
      permission: 'security_exception:approve',
      message: 'Not a member who may approve security exceptions in this folder',
    },
  ],
  links: {
    // A requirement assessment is read through its compliance assessment's folder.
    requirementAssessments: {
      what: 'Requirement assessment',
      read: 'compliance_assessment:read',
      inputField: 'requirementAssessmentIds',
      filterParam: 'requirementAssessmentId',
      auditAction: 'security_exception.requirement_assessments_changed',
      table: securityExceptionRequirementAssessments,
      recordColumn: securityExceptionRequirementAssessments.securityExceptionId,
      targetColumn: securityExceptionRequirementAssessments.requirementAssessmentId,
      findForLinking: requirementAssessmentsForLinking,
      listLinked: async (db: DbOrTx, id, visible) =>
        (await requirementAssessmentsOf(db, id, visible)).map((r) => ({
          id: r.id,
          assessment: { id: r.assessmentId, name: r.assessmentName },
          requirement: { id: r.requirementId, urn: r.urn, refId: r.refId, name: r.name },
          status: r.status,
          result: r.result,
        })),
      visibleCount: visibleRequirementAssessmentCount,
    },
    appliedControls: {
      what: 'Applied control',
      read: 'applied_control:read',
      inputField: 'appliedControlIds',
      filterParam: 'appliedControlId',
      auditAction: 'security_exception.applied_controls_changed',
      table: securityExceptionControls,
      recordColumn: securityExceptionControls.securityExceptionId,
      targetColumn: securityExceptionControls.appliedControlId,
      findForLinking: controlsForLinking,
      listLinked: controlsOf,
      visibleCount: visibleControlCount,
    },
  },
  review: {
    state: 'in_review',
    notReady: 'The security exception is not ready for review',
    problems: async (_tx, row, today) => reviewProblems(row, today),
  },
  // The decision columns: set by a decision, cleared when the exception goes back to be worked on or reviewed.
  stamps(to, userId, now) {
    if (to === 'approved' || to === 'rejected') return { decidedAt: now, decidedById: userId };
    if (to === 'draft' || to === 'in_review') return { decidedAt: null, decidedById: null };
    return {};
  },
  messages: {
    notEditable: (state) => `A security exception in state ${state} cannot be edited (only draft or expired)`,
    linksFrozen: (state) => `The links of a security exception in state ${state} cannot change`,
    forbiddenStep: (from, to, actor) =>
      (to === 'approved' || to === 'rejected') && actor.approverNamed
        ? 'Only the named approver, holding security_exception:approve here, may approve or reject this security exception'
        : `You may not move this security exception from ${from} to ${to}`,
    deleteLive: (state) =>
      state === 'in_review'
        ? 'A security exception in review cannot be deleted; withdraw it to draft or decide it first'
        : 'An approved security exception cannot be deleted; resolve it first',
    deleteForbidden: (state) =>
      state === 'draft'
        ? 'You may not delete this security exception'
        : 'Deleting a closed security exception needs security_exception:approve',
  },
  listFilters: ({ severity }) => [
    severity ? eq(securityExceptions.severity, severity as ExceptionRow['severity']) : undefined,
  ],
  present: toExceptionSummary,
};
