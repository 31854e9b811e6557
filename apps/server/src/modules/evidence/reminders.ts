import { and, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, Transaction } from '../../platform/db/client.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { isPersonOf } from '../access/index.js';
import { recordAudit, systemContext } from '../audit/index.js';
import { users } from '../users/index.js';
import { todayOf } from './service.js';
import { evidence } from './tables.js';

const BATCH = 200;

export interface SweepResult {
  expired: number;
  reminded: number;
}

/**
 * Evidence whose owner is due a reminder today: an owner who is an active member of the evidence's organisation
 * (a removed or suspended owner is not mailed), a validity date within the reminder window and not yet reminded
 * for, and evidence not expired. Evidence with an inactive owner is not claimed: its reminder stays pending and
 * goes out once it has an active owner again (a new owner, or the same one reinstated) while still in the window.
 * Filtering here, not after the SELECT, keeps such rows from filling the batch forever.
 */
const reminderDue = (today: string) =>
  and(
    isNotNull(evidence.ownerId),
    isNotNull(evidence.validUntil),
    sql`${evidence.validUntil} >= ${today}::date`,
    sql`${evidence.validUntil} - ${evidence.reminderDays} <= ${today}::date`,
    sql`${evidence.remindedFor} is distinct from ${evidence.validUntil}`,
    ne(evidence.status, 'expired'),
    isPersonOf(evidence.organizationId, evidence.ownerId, { activeOnly: true }),
  );

/**
 * Claims one reminder and queues its e-mail, in the caller's transaction. `selected` is what the sweep's SELECT
 * saw, possibly stale by now: the UPDATE repeats every condition of `reminderDue` and also requires the same
 * owner and validity date, so a reminder is claimed only for the date and owner it is sent about, and the e-mail
 * is built from the row the UPDATE returned. Returns whether a reminder was queued.
 */
export async function claimReminder(
  tx: Transaction,
  selected: { id: string; ownerId: string | null; validUntil: string | null },
  today: string,
  publicUrl: string,
): Promise<boolean> {
  if (!selected.ownerId || !selected.validUntil) return false;
  const [row] = await tx
    .update(evidence)
    .set({ remindedFor: sql`${evidence.validUntil}` })
    .where(
      and(
        eq(evidence.id, selected.id),
        eq(evidence.ownerId, selected.ownerId),
        eq(evidence.validUntil, selected.validUntil),
        reminderDue(today),
      ),
    )
    .returning();
  if (!row?.ownerId || !row.validUntil) return false;
  const [owner] = await tx
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, row.ownerId));
  if (!owner) return false;
  const days = Math.round((Date.parse(row.validUntil) - Date.parse(today)) / 86_400_000);
  await queueEmail(tx, {
    organizationId: row.organizationId,
    to: owner.email,
    subject: `Evidence “${row.name}” expires on ${row.validUntil}`,
    text:
      `Hello ${owner.displayName},\n\nThe evidence “${row.name}”${row.refId ? ` (${row.refId})` : ''} you own is ` +
      `valid until ${row.validUntil} (${days === 0 ? 'today' : `in ${days} day(s)`}).\n` +
      `Add a new revision and update its validity date:\n\n${publicUrl}/evidence/${row.id}\n`,
  });
  await recordAudit(tx, systemContext(), {
    organizationId: row.organizationId,
    folderId: row.folderId,
    action: 'evidence.reminder_queued',
    objectType: 'evidence',
    objectId: row.id,
    changes: { remindedFor: { after: row.validUntil } },
  });
  return true;
}

/**
 * The daily expiry pass, safe to run as often as wanted and on several nodes at once:
 * - evidence whose `validUntil` has passed becomes `expired` (one audit event each);
 * - evidence whose `validUntil` is within `reminderDays` gets one e-mail to its active owner per expiry date: the
 *   conditional update of `remindedFor` claims the reminder, and the e-mail is queued in the same transaction,
 *   so a second sweep (or a second node) finds nothing to claim. Changing `validUntil` re-arms the reminder.
 */
export function createExpirySweep(deps: { db: Database; clock: Clock; publicUrl: string }) {
  const { db, clock, publicUrl } = deps;

  async function expire(today: string): Promise<number> {
    const due = await db
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(isNotNull(evidence.validUntil), lt(evidence.validUntil, today), ne(evidence.status, 'expired')))
      .limit(BATCH);
    let count = 0;
    for (const { id } of due) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(evidence)
          .set({ status: 'expired', version: sql`${evidence.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(evidence.id, id), ne(evidence.status, 'expired'), lt(evidence.validUntil, today)))
          .returning();
        if (!row) return;
        // The status before is not returned by UPDATE; the sweep only moves non-expired rows, so record the date.
        await recordAudit(tx, systemContext(), {
          organizationId: row.organizationId,
          folderId: row.folderId,
          action: 'evidence.expired',
          objectType: 'evidence',
          objectId: row.id,
          changes: { status: { after: 'expired' }, validUntil: { after: row.validUntil } },
        });
        count++;
      });
    }
    return count;
  }

  async function remind(today: string): Promise<number> {
    const due = await db
      .select({ id: evidence.id, ownerId: evidence.ownerId, validUntil: evidence.validUntil })
      .from(evidence)
      .where(reminderDue(today))
      .limit(BATCH);
    let count = 0;
    for (const candidate of due) {
      if (await db.transaction((tx) => claimReminder(tx, candidate, today, publicUrl))) count++;
    }
    return count;
  }

  return async function sweep(): Promise<SweepResult> {
    const today = todayOf(clock);
    return { expired: await expire(today), reminded: await remind(today) };
  };
}
