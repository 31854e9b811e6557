import type { DbOrTx } from '../db/client.js';
import { outboxEmails } from './tables.js';

export interface OutgoingEmail {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Queues a message in the outbox, in the caller's transaction: an invitation and its e-mail exist together or
 * not at all. Delivery (SMTP when configured) happens after commit, in the mail delivery job.
 */
export async function queueEmail(db: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({
      organizationId: email.organizationId,
      to: email.to,
      subject: email.subject.slice(0, 300),
      text: email.text,
      html: email.html ?? null,
      // Millisecond precision, like the keyset cursors that page through the outbox.
      createdAt: new Date(),
    })
    .returning({ id: outboxEmails.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
