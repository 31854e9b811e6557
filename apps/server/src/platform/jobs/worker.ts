import type { FastifyBaseLogger } from 'fastify';
import type { ReadinessProbe } from '../http/health.js';
import type { JobService } from './service.js';

/**
 * Runs the job workers (and the outbox pick-up, the dispatch sweep) in this process: inside the server in
 * embedded mode or when RAMPART_RUN_WORKER is on, alone in `rampart worker`. Job types are defined by the
 * modules when the app is built, so build the app first (without listening, for `rampart worker`).
 */
export async function startWorker(ctx: { jobs: JobService; log: FastifyBaseLogger }) {
  await ctx.jobs.start({ work: true });
  ctx.log.info('job worker started');
  return {
    async stop() {
      await ctx.jobs.stop();
      ctx.log.info('job worker stopped');
    },
  };
}

/** `/ready` reports "jobs": pg-boss answers (true before it is first needed, since it starts on demand). */
export const jobsReadinessProbe = (jobs: JobService): ReadinessProbe => ({
  name: 'jobs',
  check: () => jobs.healthy(),
});
