import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database, DatabaseHandle } from './db/client.js';
import type { JobService } from './jobs/service.js';

/**
 * What the platform hands to modules. Each module's `register` picks the pieces it needs and passes narrowed
 * dependencies to its service factory (no container, no global state).
 */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Define job types in `register`; enqueue after commit (or `enqueueInTransaction` + dispatch). */
  jobs: JobService;
}

export type TypedApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module registers its routes (under /api/v1) and anything it runs in the background. */
export interface ModuleDefinition {
  name: string;
  register(app: TypedApp, ctx: AppContext): Promise<void> | void;
}
