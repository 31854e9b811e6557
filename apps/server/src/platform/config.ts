import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment (and an optional `.env`, loaded by the CLI), validated once at boot.
 * A bad value stops the process with a message naming the variable: a half-configured security tool is worse
 * than one that refuses to start.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).max(255).default('localhost'),
  RAMPART_DATA_DIR: z.string().min(1).max(4096).default('./data'),
  DATABASE_URL: z
    .string()
    .max(4096)
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').max(512).optional(),
  PUBLIC_URL: z.url().max(2048).optional(),
  SMTP_URL: z
    .string()
    .max(2048)
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().max(320).default('Rampart <rampart@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  RAMPART_RUN_WORKER: booleanFromEnv.optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(50 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(512).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /**
   * `postgres` when DATABASE_URL is set, otherwise `embedded`: PostgreSQL run by Rampart itself with its cluster
   * in `dataDir/postgres`.
   */
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; dir: string; poolSize: number };
  sessionSecret: string;
  sessionTtlHours: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  /** In embedded mode the worker always runs in-process; on PostgreSQL it can be split off (`rampart worker`). */
  runWorker: boolean;
  maxUploadBytes: number;
  /** When set, `GET /metrics` answers only `Authorization: Bearer <token>` (a scraper's secret). */
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in an env file mean "not set", not "set to empty".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.RAMPART_DATA_DIR);
  const problems: string[] = [];

  let sessionSecret = env.SESSION_SECRET;
  if (!sessionSecret) {
    if (production) problems.push('SESSION_SECRET: required in production (at least 32 characters)');
    else sessionSecret = embeddedSecret(dataDir);
  }
  if (production && !env.PUBLIC_URL) problems.push('PUBLIC_URL: required in production (used in e-mailed links)');
  if (problems.length > 0) throw new ConfigError(problems);

  const database: Config['database'] = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dir: path.join(dataDir, 'postgres'), poolSize: env.DATABASE_POOL_SIZE };

  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database,
    sessionSecret: sessionSecret as string,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    runWorker: database.kind === 'embedded' ? true : (env.RAMPART_RUN_WORKER ?? true),
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    metricsToken: env.METRICS_TOKEN,
  };
}

/** Outside production a secret is generated once and kept beside the data, so restarts keep sessions valid. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
