import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database, DatabaseHandle } from './db/client.js';
import type { JobService } from './jobs/service.js';
import type { UsageAnswer, UsageHooks } from './usage.js';

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
  /** The answers every module gives to the usage questions of the modules below it (see `platform/usage.ts`). */
  usage: UsageHooks;
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
  /**
   * Keeps the module's built-in rows (roles, library content) in the database: run after the migrations and
   * before serving, in module order, on every start; must be idempotent and quick when nothing changed.
   */
  prepare?(db: Database): Promise<void>;
  /** This module's answers to questions of the modules it builds on ("is this in use?", folder contents…). */
  answers?: readonly UsageAnswer[];
  register(app: TypedApp, ctx: AppContext): Promise<void> | void;
}
