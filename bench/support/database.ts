/**
 * The databases a benchmark can run on, named as on the command line:
 * - `embedded`: the embedded PostgreSQL (what `npm start` runs), its cluster in a temporary folder;
 * - `postgres`: a scratch database on TEST_DATABASE_URL (or DATABASE_URL), dropped at the end;
 * - `pglite`: the PGlite of earlier releases, in a temporary folder, for before/after comparisons.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../apps/server/src/platform/db/client.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded/server-process.js';

export type BenchDatabaseKind = 'embedded' | 'postgres' | 'pglite';

export interface BenchDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export async function openBenchDatabase(kind: BenchDatabaseKind, poolSize = 10): Promise<BenchDatabase> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-'));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  if (kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dir: path.join(scratch, 'pglite') });
    const dispose = async () => {
      await handle.close();
      removeScratch();
    };
    return { handle, dispose };
  }
  if (kind === 'embedded') {
    const server = await startEmbeddedPostgres(path.join(scratch, 'postgres'), silentEmbeddedLog);
    const handle = await openDatabase({ kind: 'postgres', url: server.url, poolSize });
    const dispose = async () => {
      await handle.close();
      await server.stop();
      removeScratch();
    };
    return { handle, dispose };
  }
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('--db postgres needs TEST_DATABASE_URL or DATABASE_URL');
  const name = `rampart_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize });
  return {
    handle,
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      removeScratch();
    },
  };
}
