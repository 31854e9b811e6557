import { type Found, type PresentContext, personOf } from '../decision-records/index.js';
import type { SecurityExceptionSummaryDto } from './contracts.js';
import type { SecurityExceptionState } from './rules.js';
import type { securityExceptions } from './tables.js';

export type ExceptionRow = typeof securityExceptions.$inferSelect;
export type ExceptionLinks = 'requirementAssessments' | 'appliedControls';

export function toExceptionSummary(
  { row, counts }: Found<ExceptionRow, ExceptionLinks>,
  { people, abilities }: PresentContext<SecurityExceptionState>,
): SecurityExceptionSummaryDto {
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    justification: row.justification,
    owner: personOf(people, row.ownerId),
    approver: personOf(people, row.approverId),
    severity: row.severity,
    state: row.state,
    expiryDate: row.expiryDate,
    decidedAt: row.decidedAt,
    decidedBy: personOf(people, row.decidedById),
    requirementAssessmentCount: counts.requirementAssessments,
    appliedControlCount: counts.appliedControls,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities,
  };
}
