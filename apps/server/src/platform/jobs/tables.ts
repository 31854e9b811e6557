import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../db/columns.js';

/**
 * One row per job the user cares about (imports, exports, reports): status and progress that the UI polls.
 * pg-boss holds the queue; this table holds what a person wants to see about it.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: idColumn(),
    organizationId: uuid(),
    folderId: uuid(),
    type: varchar({ length: 80 }).notNull(),
    status: text({ enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] })
      .notNull()
      .default('queued'),
    progress: integer().notNull().default(0),
    message: varchar({ length: 500 }),
    input: jsonb().$type<Record<string, unknown>>(),
    result: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    attempts: integer().notNull().default(0),
    createdBy: uuid(),
    idempotencyKey: varchar({ length: 200 }).unique(),
    createdAt: tstz().notNull().defaultNow(),
    startedAt: tstz(),
    finishedAt: tstz(),
  },
  (t) => [index().on(t.organizationId, t.createdAt), index().on(t.createdBy)],
);
