import { integer, pgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../../test/database.js';
import type { DatabaseHandle } from './client.js';
import { BULK_WRITE_ROWS, refreshStatistics } from './statistics.js';

const bulk = pgTable('statistics_probe_bulk', { n: integer().notNull() });
const small = pgTable('statistics_probe_small', { n: integer().notNull() });

let database: DatabaseHandle;
beforeAll(async () => {
  database = await cloneTestDatabase();
  await database.exec(
    'create table statistics_probe_bulk (n int not null); create table statistics_probe_small (n int not null)',
  );
});
afterAll(() => database.close());

/** What the planner believes the table holds: -1 until the table is first analyzed. */
const plannerRows = async (table: string) =>
  Number((await database.query('select reltuples from pg_class where relname = $1', [table])).rows[0]?.reltuples);

describe('refreshStatistics', () => {
  it('analyzes the tables after a bulk write, so the next plans see their real size', async () => {
    await database.query('insert into statistics_probe_bulk select generate_series(1, $1::int)', [
      BULK_WRITE_ROWS + 500,
    ]);
    expect(await plannerRows('statistics_probe_bulk')).toBe(-1);
    await refreshStatistics(database.db, [bulk], BULK_WRITE_ROWS + 500);
    expect(await plannerRows('statistics_probe_bulk')).toBe(BULK_WRITE_ROWS + 500);
  });

  it('leaves small writes to autovacuum', async () => {
    await database.query('insert into statistics_probe_small select generate_series(1, 10)');
    await refreshStatistics(database.db, [small], 10);
    expect(await plannerRows('statistics_probe_small')).toBe(-1);
  });
});
