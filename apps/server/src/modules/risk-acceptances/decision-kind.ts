import { and, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { DecisionRecordKind, LinkKind } from '../decision-records/index.js';
import type { RiskAcceptanceSummaryDto } from './contracts.js';
import { acceptanceInForce } from './in-force-sql.js';
import { type AcceptanceRow, toAcceptanceSummary } from './presenter.js';
import { acceptanceLifecycle, type RiskAcceptanceState, submitProblems } from './rules.js';
import {
  allScenarioCount,
  scenariosForLinking,
  scenariosOfAcceptance,
  visibleScenarioCount,
} from './scenario-lookups.js';
import { riskAcceptanceScenarios, riskAcceptances } from './tables.js';

/** The risk scenarios an acceptance covers: the remaining risk it accepts. */
const scenarios: LinkKind = {
  what: 'Risk scenario',
  read: 'risk_scenario:read',
  inputField: 'riskScenarioIds',
  filterParam: 'riskScenarioId',
  auditAction: 'risk_acceptance.scenarios_changed',
  table: riskAcceptanceScenarios,
  recordColumn: riskAcceptanceScenarios.riskAcceptanceId,
  targetColumn: riskAcceptanceScenarios.riskScenarioId,
  findForLinking: scenariosForLinking,
  listLinked: async (db: DbOrTx, id: string, visible: SQL) =>
    (await scenariosOfAcceptance(db, id, visible)).map((s) => ({
      id: s.id,
      refId: s.refId,
      name: s.name,
      folderId: s.folderId,
      riskAssessment: { id: s.riskAssessmentId, name: s.riskAssessmentName },
      currentLevel: s.currentLevel,
      treatment: s.treatment,
    })),
  visibleCount: visibleScenarioCount,
};

/**
 * A risk acceptance as a decision record: who accepted which remaining risk, why, and until when. What sets it
 * apart is data here: its lifecycle (rules.ts), the scenarios it covers, a submission that needs a scenario and
 * an approver, no acceptance of an expired date, and "in force" (in-force-sql.ts) instead of an expired state.
 */
export const riskAcceptanceKind: DecisionRecordKind<
  RiskAcceptanceState,
  AcceptanceRow,
  'scenarios',
  RiskAcceptanceSummaryDto
> = {
  table: riskAcceptances,
  objectType: 'risk_acceptance',
  noun: 'Risk acceptance',
  permissions: {
    read: 'risk_acceptance:read',
    create: 'risk_acceptance:create',
    update: 'risk_acceptance:update',
    delete: 'risk_acceptance:delete',
    approve: 'risk_acceptance:approve',
  },
  lifecycle: acceptanceLifecycle,
  people: [
    {
      field: 'approverId',
      permission: 'risk_acceptance:approve',
      message: 'Not a member who may approve risk acceptances in this folder',
    },
  ],
  links: { scenarios },
  review: {
    state: 'submitted',
    notReady: 'The risk acceptance is not ready to be submitted',
    problems: async (tx, row, today) => submitProblems(row, await allScenarioCount(tx, row.id), today),
  },
  refusedAfterExpiry: {
    state: 'accepted',
    message: 'The expiry date has passed; it must be withdrawn and given a new expiry date',
  },
  stamps(to, userId, now) {
    switch (to) {
      case 'submitted':
        return { submittedAt: now };
      case 'created':
        return { submittedAt: null };
      case 'accepted':
      case 'rejected':
        return { decidedAt: now, decidedById: userId };
      case 'revoked':
        return { revokedAt: now };
    }
  },
  messages: {
    notEditable: (state) => `A ${state} risk acceptance cannot be edited; only a created one can`,
    linksFrozen: (state) => `The scenarios of a ${state} risk acceptance cannot change`,
    forbiddenStep: (from, to) =>
      to === 'accepted' || to === 'rejected'
        ? 'Only the named approver, holding risk_acceptance:approve here, may accept or reject this risk acceptance'
        : `You may not move this risk acceptance from ${from} to ${to}`,
    deleteLive: (state) =>
      state === 'submitted'
        ? 'A submitted risk acceptance cannot be deleted; withdraw it first'
        : 'An accepted risk acceptance cannot be deleted; revoke it first',
    deleteForbidden: (state) =>
      state === 'created'
        ? 'You may not delete this risk acceptance'
        : 'Deleting a decided risk acceptance needs risk_acceptance:approve',
  },
  listFilters: ({ inForce, expiringWithinDays }, today) => [
    inForce === undefined ? undefined : inForce ? acceptanceInForce(today) : sql`not ${acceptanceInForce(today)}`,
    expiringWithinDays === undefined
      ? undefined
      : and(
          acceptanceInForce(today),
          sql`${riskAcceptances.expiryDate} <= ${today}::date + ${expiringWithinDays}::int`,
        ),
  ],
  present: toAcceptanceSummary,
};
