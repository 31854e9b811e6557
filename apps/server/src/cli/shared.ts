import { type Config, loadConfig } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { openPreparedDatabase } from '../server.js';

/** A failure the operator can act on: printed as a message, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The environment (with `.env` already loaded by the entry point), validated; a bad value exits 2. */
export const cliConfig = (): Config => loadConfig(process.env);

export function describeDatabase(config: Config): string {
  if (config.database.kind === 'embedded') return `embedded PostgreSQL in ${config.database.dir}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/**
 * Runs `fn` on the prepared database (migrated, built-in roles in place) and always closes it. In embedded mode
 * this takes the data-dir lock, so a running server must be stopped first: the data directory's database belongs to
 * the one process that started it.
 */
export async function withDatabase<T>(config: Config, fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const opened = await openPreparedDatabase(config);
  try {
    return await fn(opened.database);
  } finally {
    await opened.close();
  }
}
