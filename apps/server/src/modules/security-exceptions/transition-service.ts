import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { invalidTransition, todayOf } from '../risk-acceptances/index.js';
import { actorOf } from './presenter.js';
import * as q from './queries.js';
import { reviewProblems, type SecurityExceptionState, transitionProblem } from './rules.js';
import { checkPerson, loadReadableException } from './service.js';
import { securityExceptions } from './tables.js';

/** The decision columns: set by a decision, cleared when the exception goes back to be worked on or reviewed. */
function stamps(to: SecurityExceptionState, userId: string, now: Date) {
  if (to === 'approved' || to === 'rejected') return { decidedAt: now, decidedById: userId };
  if (to === 'draft' || to === 'in_review') return { decidedAt: null, decidedById: null };
  return {};
}

/** `POST /security-exceptions/{id}/transition`: the lifecycle of rules.ts, enforced in one transaction. */
export function createExceptionTransitions(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return async function transition(
    access: Access,
    audit: AuditContext,
    id: string,
    version: number,
    to: SecurityExceptionState,
    comment: string | undefined,
  ) {
    await db.transaction(async (tx) => {
      await q.lockException(tx, access.organizationId, id);
      const before = await loadReadableException(tx, access, id);
      const from = before.row.state;
      const actor = actorOf(access, before.folderPath, before.row);
      const problem = transitionProblem(from, to, actor);
      if (problem === 'transition') throw invalidTransition('A security exception', from, to);
      if (problem === 'permission') {
        const decision = to === 'approved' || to === 'rejected';
        throw new AppError(
          'forbidden',
          decision && actor.approverNamed
            ? 'Only the named approver, holding security_exception:approve here, may approve or reject this security exception'
            : `You may not move this security exception from ${from} to ${to}`,
        );
      }
      const now = clock.now();
      if (to === 'in_review') {
        const problems = reviewProblems(before.row, todayOf(now));
        if (problems.length > 0) {
          throw new AppError('validation_failed', 'The security exception is not ready for review', problems);
        }
        await checkPerson(tx, access.organizationId, 'approverId', before.row.approverId, before.folderPath);
      }
      const [after] = await tx
        .update(securityExceptions)
        .set({
          state: to,
          ...stamps(to, access.userId, now),
          version: sql`${securityExceptions.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(securityExceptions.id, id), eq(securityExceptions.version, version)))
        .returning();
      if (!after) throw versionConflict();
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: after.folderId,
        action: 'security_exception.state_changed',
        objectType: 'security_exception',
        objectId: id,
        changes: { state: { before: from, after: to }, ...(comment ? { comment: { after: comment } } : {}) },
      });
    });
  };
}
