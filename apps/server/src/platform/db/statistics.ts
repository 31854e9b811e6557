import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';

/** Rows written in one go from which the written tables' statistics are refreshed at once. */
export const BULK_WRITE_ROWS = 1_000;

/**
 * After a bulk write PostgreSQL keeps planning on the tables' earlier sizes until autovacuum's next analyze,
 * up to a minute later. Meanwhile a plan made for a near-empty table can turn a 20 ms list into seconds
 * (measured: `GET /assets` just after 20,000 assets were written, 1.2 s; after ANALYZE, 20 ms). Analyzing the
 * written tables right after the commit costs tens of milliseconds. It never fails the write that asked for it
 * (a role that does not own the tables may not analyze them: autovacuum then catches up as before).
 */
export async function refreshStatistics(db: Database, tables: PgTable[], rowsWritten: number): Promise<void> {
  if (rowsWritten < BULK_WRITE_ROWS) return;
  const names = tables.map((table) => `"${getTableName(table).replaceAll('"', '""')}"`).join(', ');
  await db.execute(sql.raw(`analyze ${names}`)).catch(() => {});
}
