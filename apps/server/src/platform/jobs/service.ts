import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { DatabaseHandle, DbOrTx } from '../db/client.js';
import { bossConnection } from './boss-db.js';
import { JOB_NAME, type JobDefinition } from './definition.js';
import { createRunner } from './runner.js';
import * as runs from './runs.js';

export interface EnqueueOptions {
  organizationId: string | null;
  folderId?: string | null;
  createdBy?: string | null;
  /** The same key (per organisation and job type) never makes a second run; the first run is returned. */
  idempotencyKey?: string;
}

export interface EnqueuedRun {
  id: string;
  /** False when the idempotency key matched an earlier run. */
  created: boolean;
}

/** Something the worker does every few seconds besides running jobs (outbox pick-up, dispatch sweep). */
export interface WorkerTask {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

const SWEEP_INTERVAL_MS = 5_000;
const POLLING_INTERVAL_SECONDS = 2;

/**
 * Background jobs on pg-boss, with a job_runs row per run for what people see (status, progress, result).
 *
 * Transactions: `enqueue` inserts the run and sends it to pg-boss at once, so call it after your transaction
 * commits, never inside one (the job could start before the data it needs is visible, and on PGlite a second
 * statement outside the transaction would wait forever). When the run must exist exactly when your change does,
 * use `enqueueInTransaction(tx, …)`: the run row is written in your transaction and `dispatch()` sends it after
 * commit; should the process stop in between, the worker's sweep sends every queued run pg-boss does not know.
 * (pg-boss's own `db` option could insert the pg-boss job in the transaction on PostgreSQL, but not through
 * Drizzle's PGlite transaction, and one mechanism on both databases is easier to trust.)
 */
export function createJobService(deps: { database: DatabaseHandle; clock: Clock; log: FastifyBaseLogger }) {
  const { database, clock, log } = deps;
  const definitions = new Map<string, JobDefinition>();
  const tasks: WorkerTask[] = [];
  const timers: NodeJS.Timeout[] = [];
  const workerIds = new Map<string, string>();
  const queues = new Set<string>();
  let boss: PgBoss | null = null;
  let starting: Promise<PgBoss> | null = null;
  let working = false;

  function ensureStarted(): Promise<PgBoss> {
    starting ??= (async () => {
      const instance = new PgBoss({
        ...bossConnection(database),
        schedule: false,
        pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
      });
      instance.on('error', (error) => log.error({ err: error }, 'job queue error'));
      await instance.start();
      boss = instance;
      return instance;
    })();
    // A failed start (database down) is tried again by the next caller rather than remembered forever.
    starting.catch(() => {
      starting = null;
    });
    return starting;
  }

  async function ensureQueue(instance: PgBoss, definition: JobDefinition) {
    if (queues.has(definition.name)) return;
    const options = {
      name: definition.name,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelay,
      retryBackoff: definition.retryBackoff,
      expireInSeconds: definition.expireInSeconds ?? 15 * 60,
    };
    // Nodes starting together on one PostgreSQL race to create the same queue (pg-boss creates a partition per
    // queue): the loser sees a deadlock or a duplicate. Both mean "someone else is creating it": look again.
    for (let attempt = 0; ; attempt++) {
      try {
        if (await instance.getQueue(definition.name)) await instance.updateQueue(definition.name, options);
        else await instance.createQueue(definition.name, options);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        const racing = code === '40P01' || code === '23505' || code === '42P07';
        if (!racing || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
      }
    }
    queues.add(definition.name);
  }

  function definitionOf(name: string): JobDefinition {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`unknown job type ${name}`);
    return definition;
  }

  /** Sends a run to pg-boss; the run id doubles as the pg-boss job id, so sending twice is harmless. */
  async function dispatch(runId: string, type: string, payload: unknown) {
    const instance = await ensureStarted();
    const definition = definitionOf(type);
    await ensureQueue(instance, definition);
    await instance.send(type, payload as object, { id: runId });
    const workerId = workerIds.get(type);
    if (workerId) instance.notifyWorker(workerId);
  }

  function newRun(name: string, payload: unknown, options: EnqueueOptions) {
    const definition = definitionOf(name);
    const input = definition.payload.parse(payload) as Record<string, unknown>;
    return {
      type: name,
      organizationId: options.organizationId,
      folderId: options.folderId ?? null,
      createdBy: options.createdBy ?? null,
      idempotencyKey: options.idempotencyKey
        ? `${options.organizationId ?? 'system'}:${name}:${options.idempotencyKey}`.slice(0, 200)
        : null,
      input,
      createdAt: clock.now(),
    };
  }

  const runner = createRunner({ db: database.db, clock, log });

  async function sweep() {
    for (const run of await runs.undispatchedRuns(database.db, [...definitions.keys()], 100)) {
      await dispatch(run.id, run.type, run.input ?? {});
    }
    await runs.failAbandonedRuns(database.db, clock.now());
  }

  return {
    define<S extends z.ZodType>(definition: JobDefinition<S>) {
      if (!JOB_NAME.test(definition.name)) throw new Error(`invalid job name ${definition.name}`);
      if (definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
      definitions.set(definition.name, definition as unknown as JobDefinition);
      return definition;
    },

    /** Call outside any transaction (after commit). Validates the payload (a bad one throws before anything is written). */
    async enqueue(name: string, payload: unknown, options: EnqueueOptions): Promise<EnqueuedRun> {
      const { row, created } = await runs.insertRun(database.db, newRun(name, payload, options));
      if (created) await dispatch(row.id, name, row.input ?? {});
      return { id: row.id, created };
    },

    /** Writes the run in `tx`; call `dispatch()` once the transaction has committed. */
    async enqueueInTransaction(tx: DbOrTx, name: string, payload: unknown, options: EnqueueOptions) {
      const { row, created } = await runs.insertRun(tx, newRun(name, payload, options));
      return {
        id: row.id,
        created,
        dispatch: () => (created ? dispatch(row.id, name, row.input ?? {}) : Promise.resolve()),
      };
    },

    /** Adds a periodic task that runs while this process works jobs. */
    addWorkerTask(task: WorkerTask) {
      tasks.push(task);
    },

    /** Starts pg-boss and, with `work`, the workers of every defined job and the periodic tasks. Idempotent. */
    async start(options: { work: boolean } = { work: true }) {
      const instance = await ensureStarted();
      for (const definition of definitions.values()) await ensureQueue(instance, definition);
      if (!options.work || working) return;
      working = true;
      for (const definition of definitions.values()) {
        const id = await instance.work(definition.name, { includeMetadata: true, batchSize: 1 }, async ([job]) =>
          job ? runner.run(definition, job) : undefined,
        );
        workerIds.set(definition.name, id);
      }
      for (const task of [{ name: 'jobs.sweep', intervalMs: SWEEP_INTERVAL_MS, run: sweep }, ...tasks]) {
        let busy = false;
        const timer = setInterval(() => {
          if (busy) return;
          busy = true;
          task
            .run()
            .catch((error) => log.error({ err: error, task: task.name }, 'worker task failed'))
            .finally(() => {
              busy = false;
            });
        }, task.intervalMs);
        timer.unref();
        timers.push(timer);
      }
    },

    get working() {
      return working;
    },

    /** Whether the queue answers (readiness probe). */
    async healthy() {
      if (!boss) return starting === null;
      return Boolean(await boss.isInstalled());
    },

    /** Stops the workers (letting the current job finish, up to 10 s) and pg-boss. */
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      working = false;
      workerIds.clear();
      const instance = starting ? await starting.catch(() => null) : null;
      starting = null;
      boss = null;
      queues.clear();
      if (instance) await instance.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
