/**
 * Times the import of the full NIST SP 800-53 rev5 OSCAL catalog (parse + write in one transaction) on the
 * embedded PostgreSQL and, when TEST_DATABASE_URL or DATABASE_URL is set, on PostgreSQL (in a scratch database that
 * is dropped afterwards). Not part of `npm test`. Run from the repository root:
 *
 *   npx tsx bench/import-oscal.ts [--runs 5] [--catalog ../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json]
 *
 * Targets (issue #3): ≤ 2 s embedded, ≤ 1 s PostgreSQL. Figures are recorded in docs/benchmarks.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { folders } from '../apps/server/src/modules/folders/tables.js';
import { parseOscalCatalog } from '../apps/server/src/modules/frameworks/formats/oscal/catalog.js';
import { saveLibraryContent } from '../apps/server/src/modules/frameworks/writer.js';
import { organizations } from '../apps/server/src/modules/organizations/tables.js';
import { type DatabaseHandle, openDatabase } from '../apps/server/src/platform/db/client.js';
import { runMigrations } from '../apps/server/src/platform/db/migrate.js';
import { openBenchDatabase } from './support/database.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    catalog: { type: 'string', default: path.resolve('../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json') },
  },
});
const runs = Math.max(1, Number(values.runs));
const catalogPath = String(values.catalog);

async function newOwner(handle: DatabaseHandle) {
  const [org] = await handle.db
    .insert(organizations)
    .values({ name: `Bench ${randomBytes(3).toString('hex')}` })
    .returning();
  if (!org) throw new Error('no organisation');
  const folderId = randomUUID();
  await handle.db
    .insert(folders)
    .values({ id: folderId, organizationId: org.id, parentId: null, name: org.name, path: `/${folderId}/`, depth: 0 });
  return { organizationId: org.id, folderId };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function bench(label: string, handle: DatabaseHandle) {
  await runMigrations(handle);
  const totals: number[] = [];
  const parses: number[] = [];
  const writes: number[] = [];
  let nodes = 0;
  for (let i = 0; i < runs; i++) {
    const owner = await newOwner(handle);
    const started = performance.now();
    const text = readFileSync(catalogPath, 'utf8');
    const content = parseOscalCatalog(text, path.basename(catalogPath));
    const parsed = performance.now();
    const result = await handle.db.transaction((tx) => saveLibraryContent(tx, content, owner));
    const done = performance.now();
    if (result.frameworks[0]?.outcome !== 'created') throw new Error('expected a fresh import');
    nodes = content.frameworks[0]?.nodes.length ?? 0;
    parses.push(parsed - started);
    writes.push(done - parsed);
    totals.push(done - started);
  }
  // The idempotent path: the same file again for an owner who has it changes nothing (parse + one lookup).
  const content = parseOscalCatalog(readFileSync(catalogPath, 'utf8'), 'again.json');
  const last = await newOwner(handle);
  await handle.db.transaction((tx) => saveLibraryContent(tx, content, last));
  const againStart = performance.now();
  const again = parseOscalCatalog(readFileSync(catalogPath, 'utf8'), 'again.json');
  await handle.db.transaction((tx) => saveLibraryContent(tx, again, last));
  const unchanged = performance.now() - againStart;
  console.log(
    `${label}: ${nodes} nodes, ${runs} runs — total median ${ms(median(totals))} (min ${ms(Math.min(...totals))}, ` +
      `max ${ms(Math.max(...totals))}); parse median ${ms(median(parses))}; write median ${ms(median(writes))}; ` +
      `re-import (unchanged) ${ms(unchanged)}`,
  );
}

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${os.platform()}`);
{
  const embedded = await openBenchDatabase('embedded');
  try {
    await bench(
      `embedded PostgreSQL ${(await embedded.handle.query('show server_version')).rows[0]?.server_version}`,
      embedded.handle,
    );
  } finally {
    await embedded.dispose();
  }
}

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) {
  const name = `rampart_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const server = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 2 });
  try {
    await bench(`PostgreSQL ${(await server.query('show server_version')).rows[0]?.server_version}`, server);
  } finally {
    await server.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)');
}
