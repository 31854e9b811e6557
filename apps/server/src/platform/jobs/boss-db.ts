import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.js';

/**
 * How pg-boss reaches the database: its own small pool on the same URL (its polling and advisory locks want their
 * own connections), on a PostgreSQL server or the embedded one alike.
 */
export function bossConnection(database: DatabaseHandle): PgBoss.ConstructorOptions {
  if (database.kind === 'postgres' && database.pool) {
    const options = database.pool.options as { connectionString?: string };
    if (!options.connectionString) throw new Error('the PostgreSQL pool was not opened from a URL');
    return { connectionString: options.connectionString, max: 3, application_name: 'rampart-jobs' };
  }
  throw new Error('the job queue runs on PostgreSQL only');
}
