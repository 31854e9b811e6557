import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, Transaction } from '../../platform/db/client.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { peopleNamed } from '../access/index.js';
import { recordAudit, systemContext } from '../audit/index.js';
import { todayOf } from '../risk-acceptances/index.js';
import { securityExceptions } from './tables.js';

const BATCH = 200;
/** Days before the expiry date the owner and the approver are reminded. */
export const REMINDER_DAYS = 30;

type Row = typeof securityExceptions.$inferSelect;

const pastExpiry = (today: string) =>
  and(
    eq(securityExceptions.state, 'approved'),
    isNotNull(securityExceptions.expiryDate),
    sql`${securityExceptions.expiryDate} < ${today}::date`,
  );

/** Approved, expiring within the window, not yet reminded for this date (a new date re-arms the reminder). */
const reminderDue = (today: string) =>
  and(
    eq(securityExceptions.state, 'approved'),
    isNotNull(securityExceptions.expiryDate),
    sql`${securityExceptions.expiryDate} >= ${today}::date`,
    sql`${securityExceptions.expiryDate} - ${REMINDER_DAYS}::int <= ${today}::date`,
    sql`${securityExceptions.remindedForDate} is distinct from ${securityExceptions.expiryDate}`,
  );

async function mail(tx: Transaction, row: Row, subject: string, body: (name: string) => string) {
  const recipients = await peopleNamed(tx, row.organizationId, [row.ownerId, row.approverId], { activeOnly: true });
  for (const person of recipients) {
    await queueEmail(tx, {
      organizationId: row.organizationId,
      to: person.email,
      subject,
      text: body(person.displayName),
    });
  }
  return recipients.length;
}

/**
 * The daily pass over approved security exceptions, safe to run as often as wanted and on several nodes at once
 * (each change is a conditional UPDATE that a second run finds nothing to match):
 * - an approved exception whose expiry date has passed becomes `expired` (audit event from the system context)
 *   and its owner and approver are told;
 * - 30 days before the expiry date the owner and the approver get one reminder per expiry date.
 */
export function createExceptionExpiry(deps: { db: Database; clock: Clock; publicUrl: string }) {
  const { db, clock, publicUrl } = deps;
  const label = (row: Row) => `“${row.name}”${row.refId ? ` (${row.refId})` : ''}`;
  const url = (row: Row) => `${publicUrl}/security-exceptions/${row.id}`;

  async function expire(tx: Transaction, id: string, today: string) {
    const [row] = await tx
      .update(securityExceptions)
      .set({ state: 'expired', version: sql`${securityExceptions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(securityExceptions.id, id), pastExpiry(today)))
      .returning();
    if (!row) return 0;
    await recordAudit(tx, systemContext(), {
      organizationId: row.organizationId,
      folderId: row.folderId,
      action: 'security_exception.state_changed',
      objectType: 'security_exception',
      objectId: row.id,
      changes: { state: { before: 'approved', after: 'expired' }, expiryDate: { after: row.expiryDate } },
    });
    await mail(
      tx,
      row,
      `Security exception “${row.name}” expired on ${row.expiryDate}`,
      (name) =>
        `Hello ${name},\n\nThe security exception ${label(row)} expired on ${row.expiryDate}. Resolve the gap, or ` +
        `renew the exception with a new expiry date and send it for review:\n\n${url(row)}\n`,
    );
    return 1;
  }

  async function remind(tx: Transaction, id: string, today: string) {
    const [row] = await tx
      .update(securityExceptions)
      .set({ remindedForDate: sql`${securityExceptions.expiryDate}` })
      .where(and(eq(securityExceptions.id, id), reminderDue(today)))
      .returning();
    if (!row?.expiryDate) return 0;
    const days = Math.round((Date.parse(row.expiryDate) - Date.parse(today)) / 86_400_000);
    const sent = await mail(
      tx,
      row,
      `Security exception “${row.name}” expires on ${row.expiryDate}`,
      (name) =>
        `Hello ${name},\n\nThe security exception ${label(row)} is valid until ${row.expiryDate} ` +
        `(${days === 0 ? 'today' : `in ${days} day(s)`}). Resolve the gap before then, or prepare its renewal:\n\n` +
        `${url(row)}\n`,
    );
    await recordAudit(tx, systemContext(), {
      organizationId: row.organizationId,
      folderId: row.folderId,
      action: 'security_exception.reminder_queued',
      objectType: 'security_exception',
      objectId: row.id,
      changes: { remindedForDate: { after: row.remindedForDate }, recipients: { after: sent } },
    });
    return 1;
  }

  return async function sweep(): Promise<{ expired: number; reminded: number }> {
    const today = todayOf(clock.now());
    const result = { expired: 0, reminded: 0 };
    for (const { id } of await db
      .select({ id: securityExceptions.id })
      .from(securityExceptions)
      .where(pastExpiry(today))
      .limit(BATCH)) {
      result.expired += await db.transaction((tx) => expire(tx, id, today));
    }
    for (const { id } of await db
      .select({ id: securityExceptions.id })
      .from(securityExceptions)
      .where(reminderDue(today))
      .limit(BATCH)) {
      result.reminded += await db.transaction((tx) => remind(tx, id, today));
    }
    return result;
  };
}
