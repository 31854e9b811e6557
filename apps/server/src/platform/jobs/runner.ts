import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { type JobDefinition, PermanentJobError } from './definition.js';
import * as runs from './runs.js';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'Unknown error';

/**
 * Runs one pg-boss job against its job_runs row. Retryable errors are re-thrown so pg-boss applies the queue's
 * retry and back-off; a PermanentJobError, an invalid payload or the last attempt marks the run failed and
 * returns normally, so pg-boss does not try again (its own job then reads "completed": job_runs is the record).
 */
export function createRunner(deps: { db: Database; clock: Clock; log: FastifyBaseLogger }) {
  const { db, clock, log } = deps;

  return {
    async run(definition: JobDefinition, job: PgBoss.JobWithMetadata<unknown>) {
      const run = await runs.findRun(db, job.id);
      // A run deleted meanwhile, or finished by an earlier delivery of the same job: nothing to do.
      if (!run || run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled') return;
      await runs.markRunning(db, run.id, clock.now());
      const lastAttempt = job.retryCount >= job.retryLimit;
      const jobLog = log.child({ job: definition.name, jobRunId: run.id, attempt: job.retryCount + 1 });
      try {
        const parsed = definition.payload.safeParse(job.data);
        if (!parsed.success) throw new PermanentJobError(`Invalid payload: ${parsed.error.message}`);
        const result = await definition.handler({
          payload: parsed.data,
          jobRunId: run.id,
          organizationId: run.organizationId,
          attempt: job.retryCount + 1,
          lastAttempt,
          reportProgress: (percent, message) => runs.setProgress(db, run.id, percent, message),
          log: jobLog,
        });
        await runs.markSucceeded(db, run.id, result ?? null, clock.now());
      } catch (error) {
        const message = describe(error);
        if (error instanceof PermanentJobError || lastAttempt) {
          jobLog.warn({ err: error }, 'job failed');
          await runs.markFailed(db, run.id, message, clock.now());
          return;
        }
        jobLog.info({ err: error }, 'job attempt failed; it will be retried');
        await runs.markRetrying(db, run.id, message);
        throw error;
      }
    },
  };
}
