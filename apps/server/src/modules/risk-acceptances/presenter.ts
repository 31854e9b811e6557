import { type Found, type PresentContext, personOf } from '../decision-records/index.js';
import type { RiskAcceptanceSummaryDto } from './contracts.js';
import { isExpired, isInForce, type RiskAcceptanceState } from './rules.js';
import type { riskAcceptances } from './tables.js';

export type AcceptanceRow = typeof riskAcceptances.$inferSelect;

export function toAcceptanceSummary(
  { row, counts }: Found<AcceptanceRow, 'scenarios'>,
  { people, abilities, today }: PresentContext<RiskAcceptanceState>,
): RiskAcceptanceSummaryDto {
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    justification: row.justification,
    approver: personOf(people, row.approverId),
    state: row.state,
    expiryDate: row.expiryDate,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    decidedBy: personOf(people, row.decidedById),
    revokedAt: row.revokedAt,
    inForce: isInForce(row.state, row.expiryDate, today),
    expired: isExpired(row.state, row.expiryDate, today),
    scenarioCount: counts.scenarios,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities,
  };
}
