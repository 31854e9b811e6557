import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';

/**
 * An error that retrying cannot fix (bad payload, object gone, permission revoked): the run is marked failed at
 * once instead of burning its retries.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export interface JobContext<P> {
  payload: P;
  jobRunId: string;
  organizationId: string | null;
  /** 1 on the first try. */
  attempt: number;
  /** No retry follows if this attempt throws. */
  lastAttempt: boolean;
  /** Percent 0–100 and a short human message, written to job_runs for the UI to poll. */
  reportProgress(percent: number, message?: string): Promise<void>;
  log: FastifyBaseLogger;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Stable: it names the pg-boss queue and is stored in job_runs.type. Letters, digits, `.`, `_`, `-`. */
  name: string;
  payload: S;
  /** Retries after the first attempt (0 = run once). */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** Doubles the delay on each retry (pg-boss exponential back-off). */
  retryBackoff: boolean;
  /** A run still active after this long is given up by pg-boss. */
  expireInSeconds?: number;
  handler(ctx: JobContext<z.infer<S>>): Promise<Record<string, unknown> | undefined>;
}

/** Keeps the payload type flowing from the schema to the handler. */
export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> => definition;

export const JOB_NAME = /^[a-z][a-z0-9_.-]{0,79}$/;
