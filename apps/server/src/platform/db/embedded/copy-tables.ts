import type { DatabaseHandle } from '../client.js';

/** Rows per batch: one JSON parameter each, small enough to keep memory flat on large tables. */
const BATCH = 2_000;

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables (schema `public`), by name; the job queue's own schema is rebuilt by it at start. */
async function tablesOf(handle: DatabaseHandle): Promise<string[]> {
  const r = await handle.query(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  return r.rows.map((row) => String(row.table_name));
}

/** Columns a copy may write: generated columns are computed again by the target. */
async function writableColumns(handle: DatabaseHandle, table: string): Promise<string[]> {
  const r = await handle.query(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return r.rows.map((row) => String(row.column_name));
}

const countOf = async (handle: DatabaseHandle, table: string) =>
  Number((await handle.query(`select count(*)::bigint as n from ${quoteIdent(table)}`)).rows[0]?.n ?? 0);

/**
 * Copies every row of every application table from `source` into the same, already migrated, empty schema in
 * `target`, in one transaction on the target (all or nothing). Values travel as PostgreSQL's own JSON text of
 * each row, so timestamps keep their microseconds and bytes their exact content — the audit chain's hashes
 * depend on both. Foreign keys and triggers are suspended during the copy (`session_replication_role`), which
 * lets tables arrive in any order; sequences are set to the source's positions. Returns both sides' row counts.
 */
export async function copyTables(source: DatabaseHandle, target: DatabaseHandle): Promise<TableCount[]> {
  const tables = await tablesOf(source);
  const targetTables = new Set(await tablesOf(target));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length > 0) throw new Error(`The new database lacks tables: ${missing.join(', ')}`);
  if (!target.pool) throw new Error('the target must be a PostgreSQL pool');
  const client = await target.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(`truncate ${tables.map(quoteIdent).join(', ')}`);
    for (const table of tables) {
      const columns = (await writableColumns(source, table)).map(quoteIdent).join(', ');
      // Pages in the table's physical order, each starting after the last row of the one before (constant
      // cost per page, where OFFSET would read the table again and again).
      let after = '(0,0)';
      for (;;) {
        const r = await source.query(
          `select coalesce(json_agg(t.row), '[]')::text as rows, max(t.at)::text as last
             from (select ctid as at, (select x from (select ${columns}) x) as row
                     from ${quoteIdent(table)} where ctid > $1::tid order by ctid limit ${BATCH}) t`,
          [after],
        );
        const rows = String(r.rows[0]?.rows ?? '[]');
        if (rows === '[]') break;
        after = String(r.rows[0]?.last);
        await client.query(
          `insert into ${quoteIdent(table)} (${columns}) overriding system value
             select ${columns} from json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
          [rows],
        );
      }
    }
    const sequences = await source.query(
      "select schemaname, sequencename, last_value from pg_sequences where schemaname = 'public'",
    );
    for (const s of sequences.rows) {
      if (s.last_value === null) continue;
      await client.query('select setval($1::regclass, $2)', [
        `${quoteIdent(String(s.schemaname))}.${quoteIdent(String(s.sequencename))}`,
        s.last_value,
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const counts: TableCount[] = [];
  for (const table of tables) {
    counts.push({ table, source: await countOf(source, table), target: await countOf(target, table) });
  }
  return counts;
}
