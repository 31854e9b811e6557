import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DatabaseHandle } from './client.js';

/** The migrations folder ships beside `src/` and `dist/` alike. */
export function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidate = path.resolve(here, '../../../migrations');
  if (!existsSync(candidate)) throw new Error(`Migrations folder not found at ${candidate}`);
  return candidate;
}

// Several app nodes may start together on one PostgreSQL: an advisory lock lets one migrate while the others wait.
const MIGRATION_LOCK_KEY = 7_241_990_001;

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const migrationsDir = migrationsFolder();
  if (handle.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: migrationsDir });
    return;
  }
  if (!handle.pool) throw new Error('a PostgreSQL handle without a pool');
  const client = await handle.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: migrationsDir });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/** Number of migration files not yet applied; `/ready` answers 503 while it is not zero. */
export async function pendingMigrationCount(handle: DatabaseHandle): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  try {
    const r = await handle.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    return journal.entries.length - Number(r.rows[0]?.n ?? 0);
  } catch {
    return journal.entries.length;
  }
}
