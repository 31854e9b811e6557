import type { Access, Person } from '../access/index.js';
import type { SecurityExceptionSummaryDto } from './contracts.js';
import type { ExceptionRow, ExceptionWithCounts } from './queries.js';
import { allowedTransitions, deleteProblem, type ExceptionActor, isEditable } from './rules.js';

export const actorOf = (
  access: Access,
  folderPath: string,
  row: Pick<ExceptionRow, 'approverId' | 'ownerId'>,
): ExceptionActor => ({
  approverNamed: row.approverId !== null,
  isApprover: row.approverId !== null && row.approverId === access.userId,
  isOwner: row.ownerId !== null && row.ownerId === access.userId,
  canUpdate: access.can('security_exception:update', folderPath),
  canApprove: access.can('security_exception:approve', folderPath),
});

const person = (map: Map<string, Person>, id: string | null) => {
  const found = id ? map.get(id) : undefined;
  return found ? { id: found.id, displayName: found.displayName, email: found.email } : null;
};

export function toExceptionSummary(
  { row, folderPath, requirementAssessmentCount, appliedControlCount }: ExceptionWithCounts,
  people: Map<string, Person>,
  access: Access,
): SecurityExceptionSummaryDto {
  const actor = actorOf(access, folderPath, row);
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    justification: row.justification,
    owner: person(people, row.ownerId),
    approver: person(people, row.approverId),
    severity: row.severity,
    state: row.state,
    expiryDate: row.expiryDate,
    decidedAt: row.decidedAt,
    decidedBy: person(people, row.decidedById),
    requirementAssessmentCount: Number(requirementAssessmentCount),
    appliedControlCount: Number(appliedControlCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: isEditable(row.state) && actor.canUpdate,
      delete:
        deleteProblem(row.state, {
          delete: access.can('security_exception:delete', folderPath),
          approve: actor.canApprove,
        }) === null,
      transitions: allowedTransitions(row.state, actor),
    },
  };
}
