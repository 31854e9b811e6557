import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, conflict, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { actorOf } from './presenter.js';
import * as q from './queries.js';
import { type RiskAcceptanceState, submitProblems, transitionProblem } from './rules.js';
import { allScenarioCount } from './scenario-lookups.js';
import { checkApprover, loadReadableAcceptance } from './service.js';
import { riskAcceptances } from './tables.js';
import { invalidTransition, todayOf } from './transition-error.js';

/** The columns each arrival state sets: who decided and when, so the record reads without the audit trail. */
function stamps(to: RiskAcceptanceState, userId: string, now: Date) {
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
}

/** `POST /risk-acceptances/{id}/transition`: the lifecycle of rules.ts, enforced in one transaction. */
export function createAcceptanceTransitions(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return async function transition(
    access: Access,
    audit: AuditContext,
    id: string,
    version: number,
    to: RiskAcceptanceState,
    comment: string | undefined,
  ) {
    await db.transaction(async (tx) => {
      await q.lockAcceptance(tx, access.organizationId, id);
      const before = await loadReadableAcceptance(tx, access, id);
      const from = before.row.state;
      const problem = transitionProblem(from, to, actorOf(access, before.folderPath, before.row.approverId));
      if (problem === 'transition') throw invalidTransition('A risk acceptance', from, to);
      if (problem === 'permission') {
        throw new AppError(
          'forbidden',
          to === 'accepted' || to === 'rejected'
            ? 'Only the named approver, holding risk_acceptance:approve here, may accept or reject this risk acceptance'
            : `You may not move this risk acceptance from ${from} to ${to}`,
        );
      }
      const now = clock.now();
      const today = todayOf(now);
      if (to === 'submitted') {
        const problems = submitProblems(before.row, await allScenarioCount(tx, id), today);
        if (problems.length > 0) {
          throw new AppError('validation_failed', 'The risk acceptance is not ready to be submitted', problems);
        }
        await checkApprover(tx, access.organizationId, before.row.approverId, before.folderPath);
      }
      if (to === 'accepted' && before.row.expiryDate !== null && before.row.expiryDate < today) {
        throw conflict('The expiry date has passed; it must be withdrawn and given a new expiry date');
      }
      const [after] = await tx
        .update(riskAcceptances)
        .set({
          state: to,
          ...stamps(to, access.userId, now),
          version: sql`${riskAcceptances.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(riskAcceptances.id, id), eq(riskAcceptances.version, version)))
        .returning();
      if (!after) throw versionConflict();
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: after.folderId,
        action: 'risk_acceptance.state_changed',
        objectType: 'risk_acceptance',
        objectId: id,
        changes: { state: { before: from, after: to }, ...(comment ? { comment: { after: comment } } : {}) },
      });
    });
  };
}
