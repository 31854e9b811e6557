import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, Transaction } from '../../platform/db/client.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { peopleNamed } from '../access/index.js';
import { recordAudit, systemContext } from '../audit/index.js';
import type { DecisionRow, DecisionTable } from './kind.js';
import { todayOf } from './lifecycle.js';

const BATCH = 200;

/** What a mail of a pass may say about one record and one recipient. */
export interface MailFacts<Row> {
  row: Row;
  /** The recipient's display name. */
  person: string;
  /** “Name” (REF-1). */
  label: string;
  url: string;
  /** "today" or "in N day(s)": how long until the expiry date. */
  when: string;
}

/**
 * One pass of the expiry task over records in force:
 * - `reminder`: the expiry date is within `days`; one mail per expiry date (a new date re-arms it);
 * - `notice`: the expiry date has passed; one mail, the state stays (the record simply stops being in force);
 * - `lapse`: the expiry date has passed; the record moves to `to` (an audited state change), then the mail.
 */
export type ExpiryPass<Row, S extends string> = {
  /** The key of this pass's figure in the task's result. */
  name: string;
  subject(row: Row): string;
  text(facts: MailFacts<Row>): string;
} & (
  | { kind: 'reminder'; days: number; auditAction: `${string}.${string}` }
  | { kind: 'notice'; auditAction: `${string}.${string}` }
  | { kind: 'lapse'; to: S }
);

export interface ExpiryPlan<Row, S extends string, N extends string> {
  table: DecisionTable;
  objectType: string;
  /** The state in which a record has effect and its expiry date counts. */
  inForce: S;
  /** The columns naming who is mailed (active members only). */
  recipients(row: Row): (string | null)[];
  /** The web path of a record, `/risk-acceptances/{id}` without the id. */
  webPath: string;
  /** What a pass counts: the e-mails it queued, or the records it handled. */
  counts: 'emails' | 'records';
  /** The passes, in the order they run. */
  passes: readonly (ExpiryPass<Row, S> & { name: N })[];
}

/**
 * `remindedForDate` holds one date per record, so it encodes both mails: the expiry date itself once the
 * reminder went out, the day after it once the notice went out. Each mail is claimed by a conditional UPDATE
 * from one value to the next, in the same transaction as the e-mail, so a second run (or a second node) finds
 * nothing to claim and no date is mailed twice. A lapse is claimed by the state change itself.
 */
function claimOf(table: DecisionTable, kind: ExpiryPass<unknown, string>['kind']): Record<string, SQL | string> {
  if (kind === 'reminder') return { remindedForDate: sql`${table.expiryDate}` };
  if (kind === 'notice') return { remindedForDate: sql`${table.expiryDate} + 1` };
  return {};
}

function dueOf<S extends string>(table: DecisionTable, inForce: S, pass: ExpiryPass<unknown, S>, today: string) {
  const inForceWithDate = [eq(table.state, inForce), isNotNull(table.expiryDate)];
  if (pass.kind === 'reminder') {
    return and(
      ...inForceWithDate,
      sql`${table.expiryDate} >= ${today}::date and ${table.expiryDate} - ${pass.days}::int <= ${today}::date`,
      sql`${table.remindedForDate} is distinct from ${table.expiryDate}`,
    );
  }
  const past = sql`${table.expiryDate} < ${today}::date`;
  if (pass.kind === 'notice') {
    return and(...inForceWithDate, past, sql`${table.remindedForDate} is distinct from ${table.expiryDate} + 1`);
  }
  return and(...inForceWithDate, past);
}

/**
 * The expiry task of one kind, safe to run as often as wanted and on several nodes at once (each record is
 * claimed by a conditional UPDATE that a second run finds nothing to match). Returns a figure per pass.
 */
export function createDecisionExpiry<Row extends DecisionRow<S>, S extends string, N extends string>(
  plan: ExpiryPlan<Row, S, N>,
  deps: { db: Database; clock: Clock; publicUrl: string },
) {
  const { db, clock, publicUrl } = deps;
  const { table, objectType } = plan;

  async function mail(tx: Transaction, row: Row, pass: ExpiryPass<Row, S>, today: string) {
    const recipients = await peopleNamed(tx, row.organizationId, plan.recipients(row), { activeOnly: true });
    const days = Math.round((Date.parse(row.expiryDate ?? today) - Date.parse(today)) / 86_400_000);
    const facts = {
      row,
      label: `“${row.name}”${row.refId ? ` (${row.refId})` : ''}`,
      url: `${publicUrl}/${plan.webPath}/${row.id}`,
      when: days === 0 ? 'today' : `in ${days} day(s)`,
    };
    for (const person of recipients) {
      await queueEmail(tx, {
        organizationId: row.organizationId,
        to: person.email,
        subject: pass.subject(row),
        text: pass.text({ ...facts, person: person.displayName }),
      });
    }
    return recipients.length;
  }

  async function claim(tx: Transaction, id: string, pass: ExpiryPass<Row, S>, today: string) {
    const lapse =
      pass.kind === 'lapse' ? { state: pass.to, version: sql`${table.version} + 1`, updatedAt: sql`now()` } : {};
    const [claimed] = await tx
      .update(table)
      .set({ ...claimOf(table, pass.kind), ...lapse })
      .where(and(eq(table.id, id), dueOf(table, plan.inForce, pass, today)))
      .returning();
    const row = claimed as Row | undefined;
    if (!row?.expiryDate) return 0;
    const audit = { organizationId: row.organizationId, folderId: row.folderId, objectType, objectId: row.id };
    if (pass.kind === 'lapse') {
      await recordAudit(tx, systemContext(), {
        ...audit,
        action: `${objectType}.state_changed`,
        changes: { state: { before: plan.inForce, after: pass.to }, expiryDate: { after: row.expiryDate } },
      });
    }
    const sent = await mail(tx, row, pass, today);
    if (pass.kind !== 'lapse') {
      await recordAudit(tx, systemContext(), {
        ...audit,
        action: pass.auditAction,
        changes: { remindedForDate: { after: row.remindedForDate }, recipients: { after: sent } },
      });
    }
    return plan.counts === 'emails' ? sent : 1;
  }

  return async function sweep(): Promise<Record<N, number>> {
    const today = todayOf(clock.now());
    const result = Object.fromEntries(plan.passes.map((pass) => [pass.name, 0])) as Record<N, number>;
    for (const pass of plan.passes) {
      const due = await db
        .select({ id: table.id })
        .from(table)
        .where(dueOf(table, plan.inForce, pass, today))
        .limit(BATCH);
      for (const { id } of due) {
        result[pass.name] += await db.transaction((tx) => claim(tx, id as string, pass, today));
      }
    }
    return result;
  };
}
