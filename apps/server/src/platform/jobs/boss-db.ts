import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.js';

/**
 * How pg-boss reaches the database. PostgreSQL: its own small pool on the same URL (its LISTEN-free polling and
 * advisory locks want their own connections). PGlite: there is one connection in this process, so pg-boss goes
 * through it with an adapter; parameterless text may hold several statements (its migrations), which only
 * `exec` accepts, and pg-boss reads the rows of the last one.
 */
export function bossConnection(database: DatabaseHandle): PgBoss.ConstructorOptions {
  if (database.kind === 'postgres') {
    if (!database.pool) throw new Error('a PostgreSQL handle without its pool');
    const options = database.pool.options as { connectionString?: string };
    if (!options.connectionString) throw new Error('the PostgreSQL pool was not opened from a URL');
    return { connectionString: options.connectionString, max: 3, application_name: 'rampart-jobs' };
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('an embedded database handle without PGlite');
  return {
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values?.length) {
          const result = await pglite.query<Record<string, unknown>>(text, values);
          return { rows: result.rows };
        }
        const results = await pglite.exec(text);
        return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
      },
    },
  };
}
