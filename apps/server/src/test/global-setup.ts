import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { modules } from '../modules/index.js';
import { openDatabase } from '../platform/db/client.js';
import { prepareDatabase } from '../platform/db/prepare.js';

/**
 * Migrates one template database per run with the real migrations: a PGlite data dump on the embedded
 * database, a PostgreSQL template database when TEST_DATABASE_URL is set. Each test file clones it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `rampart_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, template), poolSize: 2 });
    await prepareDatabase(handle, modules);
    await handle.close();
    project.provide('templateDatabase', template);
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      const clones = await cleanup.query<{ datname: string }>(
        // Only this run's clones: other runs (another terminal, another engineer) may share the server.
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`${template}\\_c\\_%`, template],
      );
      for (const { datname } of clones.rows) await cleanup.query(`drop database if exists ${datname} with (force)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-test-'));
  const handle = await openDatabase({ kind: 'pglite' });
  await prepareDatabase(handle, modules);
  if (!handle.pglite) throw new Error('expected an embedded database');
  const dump = await handle.pglite.dumpDataDir('none');
  await handle.close();
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDatabase', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
