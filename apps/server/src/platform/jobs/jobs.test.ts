import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { cloneTestDatabase } from '../../test/database.js';
import { systemClock } from '../clock.js';
import type { DatabaseHandle } from '../db/client.js';
import { defineJob, PermanentJobError } from './definition.js';
import { failAbandonedRuns } from './runs.js';
import { createJobService, type JobService } from './service.js';
import { jobRuns } from './tables.js';
import { startWorker } from './worker.js';

const log = pino({ level: 'silent' });
let database: DatabaseHandle;
let jobs: JobService;
const attemptsSeen = new Map<string, number>();

const runOf = async (id: string) => (await database.db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0];
const settled = (id: string) =>
  vi.waitFor(
    async () => {
      const run = await runOf(id);
      if (run?.status !== 'succeeded' && run?.status !== 'failed') throw new Error(`still ${run?.status}`);
      return run;
    },
    { timeout: 20_000, interval: 100 },
  );

beforeAll(async () => {
  database = await cloneTestDatabase();
  jobs = createJobService({ database, clock: systemClock, log });
  jobs.define(
    defineJob({
      name: 'test.count',
      payload: z.object({ upTo: z.number().int().min(1).max(10) }),
      retryLimit: 2,
      retryDelay: 0,
      retryBackoff: false,
      async handler({ payload, reportProgress }) {
        for (let i = 1; i <= payload.upTo; i++) await reportProgress((i / payload.upTo) * 50, `Counted ${i}`);
        return { counted: payload.upTo };
      },
    }),
  );
  jobs.define(
    defineJob({
      name: 'test.flaky',
      payload: z.object({ key: z.string(), failures: z.number().int(), permanent: z.boolean() }),
      retryLimit: 2,
      retryDelay: 0,
      retryBackoff: false,
      async handler({ payload, attempt }) {
        attemptsSeen.set(payload.key, attempt);
        if (payload.permanent) throw new PermanentJobError('The object is gone');
        if (attempt <= payload.failures) throw new Error(`Transient failure ${attempt}`);
        return { attempt };
      },
    }),
  );
  await startWorker({ jobs, log });
});

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('jobs', () => {
  it('runs an enqueued job to succeeded with progress, result and timestamps', async () => {
    const { id, created } = await jobs.enqueue('test.count', { upTo: 3 }, { organizationId: null });
    expect(created).toBe(true);
    const run = await settled(id);
    expect(run).toMatchObject({ status: 'succeeded', progress: 100, message: 'Counted 3', attempts: 1 });
    expect(run?.result).toEqual({ counted: 3 });
    expect(run?.startedAt).toBeInstanceOf(Date);
    expect(run?.finishedAt).toBeInstanceOf(Date);
  });

  it('does not create a second run for the same idempotency key', async () => {
    const first = await jobs.enqueue('test.count', { upTo: 1 }, { organizationId: null, idempotencyKey: 'once' });
    const second = await jobs.enqueue('test.count', { upTo: 1 }, { organizationId: null, idempotencyKey: 'once' });
    expect(second).toEqual({ id: first.id, created: false });
    await settled(first.id);
    const rows = await database.db.select().from(jobRuns).where(eq(jobRuns.idempotencyKey, 'system:test.count:once'));
    expect(rows).toHaveLength(1);
  });

  it('refuses an invalid payload before writing anything', async () => {
    await expect(jobs.enqueue('test.count', { upTo: 99 }, { organizationId: null })).rejects.toThrow();
    await expect(jobs.enqueue('test.unknown', {}, { organizationId: null })).rejects.toThrow(/unknown job/);
  });

  it('retries a transient error and succeeds', async () => {
    const { id } = await jobs.enqueue(
      'test.flaky',
      { key: 'transient', failures: 1, permanent: false },
      {
        organizationId: null,
      },
    );
    const run = await settled(id);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
  });

  it('fails at once on a PermanentJobError, and after the last retry otherwise', async () => {
    const permanent = await jobs.enqueue(
      'test.flaky',
      { key: 'permanent', failures: 0, permanent: true },
      {
        organizationId: null,
      },
    );
    expect(await settled(permanent.id)).toMatchObject({ status: 'failed', attempts: 1, error: 'The object is gone' });
    const exhausted = await jobs.enqueue(
      'test.flaky',
      { key: 'exhausted', failures: 9, permanent: false },
      {
        organizationId: null,
      },
    );
    expect(await settled(exhausted.id)).toMatchObject({ status: 'failed', attempts: 3, error: 'Transient failure 3' });
    expect(attemptsSeen.get('exhausted')).toBe(3);
  });

  it('sends a run written in a transaction once dispatched after commit', async () => {
    const pending = await database.db.transaction((tx) =>
      jobs.enqueueInTransaction(tx, 'test.count', { upTo: 2 }, { organizationId: null }),
    );
    expect((await runOf(pending.id))?.status).toBe('queued');
    await pending.dispatch();
    expect(await settled(pending.id)).toMatchObject({ status: 'succeeded', result: { counted: 2 } });
  });

  it('sweeps a committed run whose dispatch never happened', async () => {
    const orphan = await database.db.transaction((tx) =>
      jobs.enqueueInTransaction(tx, 'test.count', { upTo: 1 }, { organizationId: null }),
    );
    expect(await settled(orphan.id)).toMatchObject({ status: 'succeeded' });
  });

  it('marks failed a run that pg-boss gave up on while it still read running', async () => {
    const stuck = await database.db.transaction((tx) =>
      jobs.enqueueInTransaction(tx, 'test.count', { upTo: 1 }, { organizationId: null }),
    );
    await database.db.update(jobRuns).set({ status: 'running' }).where(eq(jobRuns.id, stuck.id));
    // What pg-boss leaves behind when a worker dies on the last attempt: its own job failed, ours untouched.
    await database.db.execute(
      sql`insert into pgboss.job (id, name, state, data) values (${stuck.id}, 'test.count', 'failed', '{}'::jsonb)`,
    );
    const healthy = await jobs.enqueue('test.count', { upTo: 1 }, { organizationId: null });
    expect(await settled(healthy.id)).toMatchObject({ status: 'succeeded' });

    // The worker's sweep notices within a few seconds.
    expect(await settled(stuck.id)).toMatchObject({ status: 'failed' });
    expect((await runOf(stuck.id))?.error).toContain('stopped without finishing');
    expect(await failAbandonedRuns(database.db, new Date())).toEqual([]);
    expect(await runOf(healthy.id)).toMatchObject({ status: 'succeeded' });
  });
});
