import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { jobRuns } from './tables.js';

/** The job_runs writes of the runner: what the UI sees of a job's life. */
export type JobRunRow = typeof jobRuns.$inferSelect;

const MESSAGE_MAX = 500;
const ERROR_MAX = 4000;
const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

export interface NewJobRun {
  type: string;
  organizationId: string | null;
  folderId: string | null;
  createdBy: string | null;
  idempotencyKey: string | null;
  input: Record<string, unknown>;
  createdAt: Date;
}

/** Inserts a queued run; with an idempotency key already used, returns the existing run instead (created: false). */
export async function insertRun(db: DbOrTx, run: NewJobRun): Promise<{ row: JobRunRow; created: boolean }> {
  const [row] = await db
    .insert(jobRuns)
    .values({ ...run, status: 'queued' })
    .onConflictDoNothing({ target: jobRuns.idempotencyKey })
    .returning();
  if (row) return { row, created: true };
  if (!run.idempotencyKey) throw new Error('insert returned no row');
  const [existing] = await db.select().from(jobRuns).where(eq(jobRuns.idempotencyKey, run.idempotencyKey));
  if (!existing) throw new Error('idempotency key conflict without a row');
  return { row: existing, created: false };
}

export const findRun = async (db: DbOrTx, id: string) =>
  (await db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0] ?? null;

export async function markRunning(db: DbOrTx, id: string, now: Date) {
  await db
    .update(jobRuns)
    .set({
      status: 'running',
      attempts: sql`${jobRuns.attempts} + 1`,
      startedAt: sql`coalesce(${jobRuns.startedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(jobRuns.id, id));
}

export async function setProgress(db: DbOrTx, id: string, percent: number, message: string | undefined) {
  const progress = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
  await db
    .update(jobRuns)
    .set({ progress, ...(message !== undefined ? { message: clip(message, MESSAGE_MAX) } : {}) })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.status, 'running')));
}

export async function markSucceeded(db: DbOrTx, id: string, result: Record<string, unknown> | null, now: Date) {
  await db
    .update(jobRuns)
    .set({ status: 'succeeded', progress: 100, result, error: null, finishedAt: now })
    .where(eq(jobRuns.id, id));
}

export async function markFailed(db: DbOrTx, id: string, error: string, now: Date) {
  await db
    .update(jobRuns)
    .set({ status: 'failed', error: clip(error, ERROR_MAX), finishedAt: now })
    .where(eq(jobRuns.id, id));
}

/** Back in the queue after a failed attempt; pg-boss runs it again after the back-off. */
export async function markRetrying(db: DbOrTx, id: string, error: string) {
  await db
    .update(jobRuns)
    .set({ status: 'queued', error: clip(error, ERROR_MAX), message: clip(`Retrying after: ${error}`, MESSAGE_MAX) })
    .where(eq(jobRuns.id, id));
}

/**
 * Queued runs that pg-boss does not know: enqueued in a transaction whose dispatch never happened (the process
 * stopped between commit and send). The worker's sweep sends them again; the run id is the pg-boss job id, so a
 * send that races the original dispatch is a no-op.
 */
export async function undispatchedRuns(db: DbOrTx, types: string[], limit: number) {
  if (types.length === 0) return [];
  return db
    .select({ id: jobRuns.id, type: jobRuns.type, input: jobRuns.input })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.status, 'queued'),
        inArray(jobRuns.type, types),
        sql`not exists (select 1 from pgboss.job j where j.name = ${jobRuns.type} and j.id = ${jobRuns.id})`,
      ),
    )
    .orderBy(jobRuns.createdAt)
    .limit(limit);
}

/**
 * Runs pg-boss has given up on while job_runs still says queued or running: the worker died or the job outlived
 * its expiry on its last attempt, so the runner never recorded an outcome. Marked failed so nobody waits on a
 * progress bar that will never move.
 */
export async function failAbandonedRuns(db: DbOrTx, now: Date) {
  return db
    .update(jobRuns)
    .set({
      status: 'failed',
      error: 'The job stopped without finishing (its worker stopped or it ran out of time) and will not be retried',
      finishedAt: now,
    })
    .where(
      and(
        inArray(jobRuns.status, ['queued', 'running']),
        sql`exists (select 1 from pgboss.job j where j.name = ${jobRuns.type} and j.id = ${jobRuns.id}
                      and j.state = 'failed')`,
      ),
    )
    .returning({ id: jobRuns.id });
}

/** Runs per status, for the queue-depth gauge. */
export async function countRunsByStatus(db: DbOrTx) {
  return db
    .select({ status: jobRuns.status, count: sql<number>`count(*)::int` })
    .from(jobRuns)
    .where(inArray(jobRuns.status, ['queued', 'running']))
    .groupBy(jobRuns.status);
}
