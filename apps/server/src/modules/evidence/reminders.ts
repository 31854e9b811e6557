import { and, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { recordAudit, systemContext } from '../../platform/audit/record.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { users } from '../users/tables.js';
import { todayOf } from './service.js';
import { evidence } from './tables.js';

const BATCH = 200;

export interface SweepResult {
  expired: number;
  reminded: number;
}

/**
 * The daily expiry pass, safe to run as often as wanted and on several nodes at once:
 * - evidence whose `validUntil` has passed becomes `expired` (one audit event each);
 * - evidence whose `validUntil` is within `reminderDays` gets one e-mail to its owner per expiry date: the
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
      .select({ id: evidence.id })
      .from(evidence)
      .where(
        and(
          isNotNull(evidence.ownerId),
          isNotNull(evidence.validUntil),
          sql`${evidence.validUntil} >= ${today}::date`,
          sql`${evidence.validUntil} - ${evidence.reminderDays} <= ${today}::date`,
          sql`${evidence.remindedFor} is distinct from ${evidence.validUntil}`,
          ne(evidence.status, 'expired'),
        ),
      )
      .limit(BATCH);
    let count = 0;
    for (const { id } of due) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(evidence)
          .set({ remindedFor: sql`${evidence.validUntil}` })
          .where(and(eq(evidence.id, id), sql`${evidence.remindedFor} is distinct from ${evidence.validUntil}`))
          .returning();
        if (!row?.ownerId || !row.validUntil) return;
        const [owner] = await tx
          .select({ email: users.email, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, row.ownerId));
        if (!owner) return;
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
        count++;
      });
    }
    return count;
  }

  return async function sweep(): Promise<SweepResult> {
    const today = todayOf(clock);
    return { expired: await expire(today), reminded: await remind(today) };
  };
}
