import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { outboxEmails } from '../../platform/mail/tables.js';

export type OutboxEmailRow = typeof outboxEmails.$inferSelect;

/** The organisation's messages, newest first. Messages of no organisation (password resets) are never listed. */
export function listOutboxEmails(
  db: DbOrTx,
  params: { organizationId: string; status?: OutboxEmailRow['status']; cursor: Cursor | null; limit: number },
) {
  return db
    .select()
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.organizationId, params.organizationId),
        params.status ? eq(outboxEmails.status, params.status) : undefined,
        keysetAfter(outboxEmails.createdAt, outboxEmails.id, true, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(outboxEmails.createdAt, outboxEmails.id, true))
    .limit(params.limit + 1);
}

export const findOutboxEmail = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.id, id), eq(outboxEmails.organizationId, organizationId)))
  )[0] ?? null;
