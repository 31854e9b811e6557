import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, Transaction } from '../../platform/db/client.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { peopleNamed } from '../access/index.js';
import { recordAudit, systemContext } from '../audit/index.js';
import { riskAcceptances } from './tables.js';
import { todayOf } from './transition-error.js';

const BATCH = 200;
/** Days before the expiry date the approver and the creator are reminded. */
export const REMINDER_DAYS = 30;

export type ReminderKind = 'expiring' | 'expired';

/**
 * `remindedForDate` holds one date per acceptance, so it encodes both mails: the expiry date itself once the
 * "expires soon" reminder went out, the day after it once the "expired" notice went out. Each mail is claimed by
 * a conditional UPDATE from one value to the next, in the same transaction as the e-mail, so a second run (or a
 * second node) finds nothing to claim and no date is mailed twice.
 */
const claimMarker = (kind: ReminderKind) =>
  kind === 'expiring' ? sql`${riskAcceptances.expiryDate}` : sql`${riskAcceptances.expiryDate} + 1`;

const due = (kind: ReminderKind, today: string) =>
  and(
    eq(riskAcceptances.state, 'accepted'),
    isNotNull(riskAcceptances.expiryDate),
    kind === 'expiring'
      ? sql`${riskAcceptances.expiryDate} >= ${today}::date
          and ${riskAcceptances.expiryDate} - ${REMINDER_DAYS}::int <= ${today}::date`
      : sql`${riskAcceptances.expiryDate} < ${today}::date`,
    sql`${riskAcceptances.remindedForDate} is distinct from ${claimMarker(kind)}`,
  );

async function claim(tx: Transaction, id: string, kind: ReminderKind, today: string, publicUrl: string) {
  const [row] = await tx
    .update(riskAcceptances)
    .set({ remindedForDate: claimMarker(kind) })
    .where(and(eq(riskAcceptances.id, id), due(kind, today)))
    .returning();
  if (!row?.expiryDate) return 0;
  const recipients = await peopleNamed(tx, row.organizationId, [row.approverId, row.createdById], { activeOnly: true });
  const url = `${publicUrl}/risk-acceptances/${row.id}`;
  const label = `“${row.name}”${row.refId ? ` (${row.refId})` : ''}`;
  const days = Math.round((Date.parse(row.expiryDate) - Date.parse(today)) / 86_400_000);
  for (const person of recipients) {
    await queueEmail(tx, {
      organizationId: row.organizationId,
      to: person.email,
      subject:
        kind === 'expiring'
          ? `Risk acceptance “${row.name}” expires on ${row.expiryDate}`
          : `Risk acceptance “${row.name}” expired on ${row.expiryDate}`,
      text:
        kind === 'expiring'
          ? `Hello ${person.displayName},\n\nThe risk acceptance ${label} is in force until ${row.expiryDate} ` +
            `(${days === 0 ? 'today' : `in ${days} day(s)`}). After that date its risk scenarios are flagged ` +
            `again. Review it and prepare a new acceptance if the risk is still accepted:\n\n${url}\n`
          : `Hello ${person.displayName},\n\nThe risk acceptance ${label} expired on ${row.expiryDate}: its risk ` +
            `scenarios are flagged again. Submit a new acceptance if the risk is still accepted:\n\n${url}\n`,
    });
  }
  await recordAudit(tx, systemContext(), {
    organizationId: row.organizationId,
    folderId: row.folderId,
    action: kind === 'expiring' ? 'risk_acceptance.reminder_queued' : 'risk_acceptance.expiry_notice_queued',
    objectType: 'risk_acceptance',
    objectId: row.id,
    changes: { remindedForDate: { after: row.remindedForDate }, recipients: { after: recipients.length } },
  });
  return recipients.length;
}

/**
 * The daily pass over accepted risk acceptances, safe to run as often as wanted and on several nodes at once:
 * 30 days before the expiry date the approver and the creator (active members) get a reminder, and once the date
 * has passed they get one notice that the scenarios are flagged again. Nothing changes state: an expired
 * acceptance simply stops being in force (see rules.ts). Returns how many e-mails were queued.
 */
export function createAcceptanceReminders(deps: { db: Database; clock: Clock; publicUrl: string }) {
  const { db, clock, publicUrl } = deps;

  return async function remind(): Promise<{ expiring: number; expired: number }> {
    const today = todayOf(clock.now());
    const result = { expiring: 0, expired: 0 };
    for (const kind of ['expiring', 'expired'] as const) {
      const rows = await db
        .select({ id: riskAcceptances.id })
        .from(riskAcceptances)
        .where(due(kind, today))
        .limit(BATCH);
      for (const { id } of rows) {
        result[kind] += await db.transaction((tx) => claim(tx, id, kind, today, publicUrl));
      }
    }
    return result;
  };
}
