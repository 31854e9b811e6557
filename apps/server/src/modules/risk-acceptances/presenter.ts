import type { Access, Person } from '../access/index.js';
import type { RiskAcceptanceSummaryDto } from './contracts.js';
import type { AcceptanceWithCounts } from './queries.js';
import { type AcceptanceActor, allowedTransitions, deleteProblem, isEditable, isExpired, isInForce } from './rules.js';

export const actorOf = (access: Access, folderPath: string, approverId: string | null): AcceptanceActor => ({
  isApprover: approverId !== null && approverId === access.userId,
  canUpdate: access.can('risk_acceptance:update', folderPath),
  canApprove: access.can('risk_acceptance:approve', folderPath),
});

const person = (map: Map<string, Person>, id: string | null) => {
  const found = id ? map.get(id) : undefined;
  return found ? { id: found.id, displayName: found.displayName, email: found.email } : null;
};

export function toAcceptanceSummary(
  { row, folderPath, scenarioCount }: AcceptanceWithCounts,
  people: Map<string, Person>,
  access: Access,
  today: string,
): RiskAcceptanceSummaryDto {
  const actor = actorOf(access, folderPath, row.approverId);
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    justification: row.justification,
    approver: person(people, row.approverId),
    state: row.state,
    expiryDate: row.expiryDate,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    decidedBy: person(people, row.decidedById),
    revokedAt: row.revokedAt,
    inForce: isInForce(row.state, row.expiryDate, today),
    expired: isExpired(row.state, row.expiryDate, today),
    scenarioCount: Number(scenarioCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: isEditable(row.state) && actor.canUpdate,
      delete:
        deleteProblem(row.state, {
          delete: access.can('risk_acceptance:delete', folderPath),
          approve: actor.canApprove,
        }) === null,
      transitions: allowedTransitions(row.state, actor),
    },
  };
}
