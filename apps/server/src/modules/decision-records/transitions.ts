import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, updateAudited } from '../audit/index.js';
import type { DecisionRecordKind, DecisionRow } from './kind.js';
import { invalidTransition, todayOf } from './lifecycle.js';
import { lockRecord } from './record-queries.js';
import { actorOf, checkNamedPerson, loadReadable } from './records.js';

/** `POST /<kind>/{id}/transition`: the kind's lifecycle, enforced in one transaction. */
export function createDecisionTransitions<S extends string, Row extends DecisionRow<S>, L extends string>(
  kind: DecisionRecordKind<S, Row, L, unknown>,
  deps: { db: Database; clock: Clock },
) {
  const { db, clock } = deps;
  const { lifecycle, messages, review } = kind;
  // "A risk acceptance", "A security exception": the subject of the 409 sentence.
  const subject = `A ${kind.noun.toLowerCase()}`;

  return async function transition(
    access: Access,
    audit: AuditContext,
    id: string,
    version: number,
    to: S,
    comment: string | undefined,
  ) {
    await db.transaction(async (tx) => {
      await lockRecord(tx, kind.table, access.organizationId, id);
      const before = await loadReadable(tx, kind, access, id);
      const from = before.row.state;
      const actor = actorOf(kind, access, before.folderPath, before.row);
      const problem = lifecycle.transitionProblem(from, to, actor);
      if (problem === 'transition') throw invalidTransition(subject, from, to);
      if (problem === 'permission') throw new AppError('forbidden', messages.forbiddenStep(from, to, actor));
      const now = clock.now();
      const today = todayOf(now);
      if (to === review.state) {
        const problems = await review.problems(tx, before.row, today);
        if (problems.length > 0) throw new AppError('validation_failed', review.notReady, problems);
        // The approver named may have lost approve authority since: re-checked when the request goes out.
        await checkNamedPerson(tx, kind, access.organizationId, 'approverId', before.row.approverId, before.folderPath);
      }
      const refused = kind.refusedAfterExpiry;
      if (refused && to === refused.state && before.row.expiryDate !== null && before.row.expiryDate < today) {
        throw conflict(refused.message);
      }
      await updateAudited(tx, audit, {
        table: kind.table,
        id,
        version,
        set: { state: to, ...kind.stamps(to, access.userId, now) },
        event: (after) => ({
          organizationId: access.organizationId,
          folderId: after.folderId as string,
          action: `${kind.objectType}.state_changed`,
          objectType: kind.objectType,
        }),
        changes: () => ({ state: { before: from, after: to }, ...(comment ? { comment: { after: comment } } : {}) }),
      });
    });
  };
}
