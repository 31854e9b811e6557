import { index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../db/columns.js';

/**
 * Every message goes through the outbox. With SMTP configured a job delivers it and records the outcome;
 * without SMTP it stays here, visible to owners, so invitations work on a fresh install.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: idColumn(),
    organizationId: uuid(),
    to: varchar({ length: 320 }).notNull(),
    subject: varchar({ length: 300 }).notNull(),
    text: text().notNull(),
    html: text(),
    status: text({ enum: ['pending', 'sent', 'failed', 'stored'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    error: text(),
    createdAt: tstz().notNull().defaultNow(),
    sentAt: tstz(),
  },
  (t) => [index().on(t.organizationId, t.createdAt), index().on(t.status)],
);
