import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { defineJob, PermanentJobError } from '../jobs/definition.js';
import type { JobService } from '../jobs/service.js';
import type { Mailer } from './mailer.js';
import { outboxEmails } from './tables.js';

export const MAIL_DELIVER = 'mail.deliver';
const PICKUP_INTERVAL_MS = 5_000;
const PICKUP_BATCH = 100;

/**
 * Delivers outbox rows. Each pending row gets one `mail.deliver` run (its idempotency key is the row id), made
 * either at once by `notifyOutbox` after the writer's commit or by the worker's pick-up a few seconds later.
 * SMTP failures retry with back-off; after the last attempt the row reads `failed` with the SMTP error.
 */
export function registerMailDelivery(deps: { jobs: JobService; db: Database; mailer: Mailer | null; clock: Clock }) {
  const { jobs, db, mailer, clock } = deps;

  jobs.define(
    defineJob({
      name: MAIL_DELIVER,
      payload: z.object({ emailId: z.uuid() }),
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      async handler({ payload, lastAttempt }) {
        const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, payload.emailId));
        if (!email) throw new PermanentJobError('The e-mail is no longer in the outbox');
        if (email.status !== 'pending') return { status: email.status, skipped: true };
        if (!mailer) {
          await db.update(outboxEmails).set({ status: 'stored' }).where(eq(outboxEmails.id, email.id));
          return { status: 'stored' };
        }
        try {
          await mailer.send(email);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // SMTP 5xx (unknown mailbox, refused) will not get better; 4xx and lost connections may.
          const code = (error as { responseCode?: number }).responseCode;
          const permanent = typeof code === 'number' && code >= 500 && code < 600;
          await db
            .update(outboxEmails)
            .set({
              attempts: sql`${outboxEmails.attempts} + 1`,
              error: message.slice(0, 2000),
              ...(lastAttempt || permanent ? { status: 'failed' as const } : {}),
            })
            .where(eq(outboxEmails.id, email.id));
          throw permanent ? new PermanentJobError(message, { cause: error }) : error;
        }
        await db
          .update(outboxEmails)
          .set({ status: 'sent', sentAt: clock.now(), attempts: sql`${outboxEmails.attempts} + 1`, error: null })
          .where(and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, 'pending')));
        return { status: 'sent' };
      },
    }),
  );

  jobs.addWorkerTask({
    name: 'mail.pickup',
    intervalMs: PICKUP_INTERVAL_MS,
    async run() {
      const pending = await db
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(eq(outboxEmails.status, 'pending'))
        .orderBy(asc(outboxEmails.createdAt))
        .limit(PICKUP_BATCH);
      for (const { id } of pending) await notifyOutbox(jobs, id);
    },
  });
}

/**
 * Asks for delivery of one queued e-mail now instead of at the next pick-up. Call it after the transaction that
 * called `queueEmail` has committed; calling it twice, or racing the pick-up, still sends the message once.
 */
export async function notifyOutbox(jobs: Pick<JobService, 'enqueue'>, emailId: string): Promise<void> {
  await jobs.enqueue(MAIL_DELIVER, { emailId }, { organizationId: null, idempotencyKey: emailId });
}
