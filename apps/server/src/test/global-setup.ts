import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { modules } from '../modules/index.js';
import { openDatabase } from '../platform/db/client.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from '../platform/db/embedded/server-process.js';
import { prepareDatabase } from '../platform/db/prepare.js';

/**
 * Migrates one template database per run with the real migrations, on the PostgreSQL of TEST_DATABASE_URL or,
 * without it, on an embedded PostgreSQL started for the run (as `npm start` would). Each test file clones it.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let embedded: { stop(): Promise<void> } | undefined;
  const scratch = mkdtempSync(path.join(tmpdir(), 'rampart-test-'));
  if (!url) {
    const server = await startEmbeddedPostgres(path.join(scratch, 'postgres'), silentEmbeddedLog);
    embedded = server;
    url = server.url;
  }
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
  project.provide('databaseUrl', url);
  return async () => {
    if (embedded) {
      await embedded.stop();
    } else {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      const clones = await cleanup.query<{ datname: string }>(
        // Only this run's clones: other runs (another terminal, another engineer) may share the server.
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`${template}\\_c\\_%`, template],
      );
      for (const { datname } of clones.rows) await cleanup.query(`drop database if exists ${datname} with (force)`);
      await cleanup.end();
    }
    rmSync(scratch, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    /** The server the test databases live on: TEST_DATABASE_URL, or an embedded PostgreSQL started for the run. */
    databaseUrl: string;
  }
}
