import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';

// No schema object is handed to Drizzle: the code uses the SQL builder only, never relational queries, so the
// platform needs no aggregate of the modules' tables (that aggregate, src/schema.ts, is for drizzle-kit).
type NoSchema = Record<string, never>;
export type Database = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Transaction = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/**
 * Query functions take `(db: DbOrTx, params)`. Inside a transaction pass the `tx`: a query on the global `db`
 * runs on another connection, outside the transaction (it does not see its writes and may wait on its locks).
 */
export type DbOrTx = Database | Transaction;

export interface RawResult {
  rows: Record<string, unknown>[];
  rowCount?: number | null;
}

/** The one handle the rest of the code receives: Drizzle plus a raw-SQL escape hatch (pg-boss, health checks). */
export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** One parameterised statement. */
  query(text: string, params?: unknown[]): Promise<RawResult>;
  /** Several statements without parameters, as one text. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  pool?: pg.Pool;
  pglite?: PGlite;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dir?: string; loadDataDir?: Blob | File };

/**
 * The single factory: a node-postgres pool on a PostgreSQL URL (a server's, or the embedded one's socket). PGlite
 * opens only the folder of an earlier release, to convert it (`rampart convert-embedded`).
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool, { casing: 'snake_case' }) as unknown as Database;
    return {
      kind: 'postgres',
      db,
      pool,
      query: async (text, params) => {
        const r = await pool.query(text, params as unknown[]);
        return { rows: r.rows, rowCount: r.rowCount };
      },
      exec: async (text) => {
        await pool.query(text);
      },
      close: () => pool.end(),
    };
  }
  // Loaded only here, to read an earlier release's folder: PGlite is large, and nothing else needs it.
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const pglite = new PGlite({
    ...(target.dir ? { dataDir: target.dir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { casing: 'snake_case' }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    pglite,
    query: async (text, params) => {
      const r = await pglite.query<Record<string, unknown>>(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? null };
    },
    exec: async (text) => {
      await pglite.exec(text);
    },
    close: () => pglite.close(),
  };
}

/** Runs raw SQL through Drizzle on either driver and returns its rows (both drivers answer `{ rows }`). */
export async function selectRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
