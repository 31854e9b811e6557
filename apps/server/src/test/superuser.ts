import type { DatabaseHandle } from '../platform/db/client.js';

/**
 * Runs statements with triggers switched off (`session_replication_role = replica`), as a database superuser
 * could: how tests tamper with the append-only audit trail to prove that verification notices. On PostgreSQL the
 * setting is per connection, so the statements share one client from the pool.
 */
export async function asSuperuser(database: DatabaseHandle, statements: string[]): Promise<void> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('set session_replication_role = replica');
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.query('reset session_replication_role');
      client.release();
    }
    return;
  }
  await database.exec(
    ['set session_replication_role = replica', ...statements, 'reset session_replication_role'].join(';\n'),
  );
}
