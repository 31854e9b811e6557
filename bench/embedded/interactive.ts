/**
 * Do interactive requests stay interactive while long work runs? The real app listens on a port; a load
 * generator on its own thread times GETs over HTTP while, in the app's process (where the embedded job worker
 * runs), long work writes: ten imports of NIST SP 800-53 (parse + one transaction each, as the import job
 * does) and one transaction inserting 50,000 assets (the shape of a bulk import). Last, 20 users send mixed GETs
 * back to back. Run from the repository root, once per database:
 *
 *   npx tsx bench/embedded/interactive.ts --db embedded
 *   npx tsx bench/embedded/interactive.ts --db pglite        # the earlier embedded database, for comparison
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/embedded/interactive.ts --db postgres
 *
 * Targets (issue #9): during long work p95 ≤ 200 ms and max ≤ 1 s; 20 users p99 ≤ 1 s; no timeouts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../../apps/server/src/app.js';
import { assets } from '../../apps/server/src/modules/assets/tables.js';
import { systemContext } from '../../apps/server/src/modules/audit/record.js';
import { folders } from '../../apps/server/src/modules/folders/tables.js';
import { parseOscalCatalog } from '../../apps/server/src/modules/frameworks/formats/oscal/catalog.js';
import { saveLibraryContent } from '../../apps/server/src/modules/frameworks/writer.js';
import { modules } from '../../apps/server/src/modules/index.js';
import { createOrganization } from '../../apps/server/src/modules/organizations/service.js';
import { organizations } from '../../apps/server/src/modules/organizations/tables.js';
import { insertUser } from '../../apps/server/src/modules/users/queries.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { prepareDatabase } from '../../apps/server/src/platform/db/prepare.js';
import { refreshStatistics } from '../../apps/server/src/platform/db/statistics.js';
import { type BenchDatabaseKind, openBenchDatabase } from '../support/database.js';
import { percentile } from '../support/stats.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'embedded' },
    rows: { type: 'string', default: '50000' },
    imports: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    catalog: { type: 'string', default: path.resolve('../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json') },
  },
});
const kind = values.db as BenchDatabaseKind;
const bulkRows = Number(values.rows);
const imports = Number(values.imports);
const loadSeconds = Number(values.seconds);

const bench = await openBenchDatabase(kind);
const { handle } = bench;
await prepareDatabase(handle, modules);
const config = loadConfig({
  NODE_ENV: 'test',
  SESSION_SECRET: 'bench-bench-bench-bench-bench-bench-0123',
  RAMPART_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-data-')),
  LOG_LEVEL: 'silent',
});
const app = await buildApp({ config, database: handle, logger: false });
const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

// An organisation with an owner, 500 assets and a signed-in session, as a user would have it.
const password = 'bench-password-bench-password';
const owner = await insertUser(handle.db, {
  email: 'owner@bench.test',
  displayName: 'Bench Owner',
  passwordHash: await hashPassword(password),
});
const { organization, rootFolderId } = await handle.db.transaction((tx) =>
  createOrganization(tx, systemContext(), { name: 'Bench', ownerUserId: owner.id }),
);
const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: owner.email, password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const headers = { cookie, 'x-organization-id': organization.id };

async function insertAssets(count: number, folderId: string) {
  await handle.db.transaction(async (tx) => {
    for (let done = 0; done < count; done += 1_000) {
      const rows = Array.from({ length: Math.min(1_000, count - done) }, (_, i) => ({
        organizationId: organization.id,
        folderId,
        name: `Asset ${done + i}`,
        type: 'supporting' as const,
        category: 'system' as const,
      }));
      await tx.insert(assets).values(rows);
    }
  });
  // As the asset import does after its commit.
  await refreshStatistics(handle.db, [assets], count);
}
await insertAssets(500, rootFolderId);

const interactivePaths = [
  '/api/v1/auth/me',
  '/api/v1/assets?limit=50',
  '/api/v1/frameworks?limit=50',
  '/api/v1/folders',
];
type Timing = { latencies: number[]; failures: number; timeouts: number };

async function withLoad<T>(mode: 'probe' | 'load', clients: number, work: () => Promise<T>) {
  const worker = new Worker(new URL('./load-client.mjs', import.meta.url), {
    workerData: { baseUrl, headers, paths: interactivePaths, clients, intervalMs: 50, mode },
  });
  const done = new Promise<Timing>((resolve) => worker.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  await work();
  const workMs = performance.now() - started;
  worker.postMessage('stop');
  const timing = await done;
  await worker.terminate();
  return { ...timing, workMs };
}

function report(label: string, t: Timing & { workMs: number }) {
  const l = t.latencies;
  console.log(
    `${kind} · ${label}: work ${t.workMs.toFixed(0)} ms; ${l.length} GETs, p50 ${percentile(l, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(l, 95).toFixed(0)} ms, p99 ${percentile(l, 99).toFixed(0)} ms, max ${Math.max(...l).toFixed(0)} ms, ` +
      `${(l.length / (t.workMs / 1000)).toFixed(0)} req/s, failures ${t.failures}, timeouts ${t.timeouts}`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
report('idle (5 s, one user every 50 ms)', await withLoad('probe', 1, () => sleep(5_000)));

if (existsSync(String(values.catalog))) {
  const text = readFileSync(String(values.catalog), 'utf8');
  report(
    `during ${imports} imports of 800-53`,
    await withLoad('probe', 1, async () => {
      for (let run = 0; run < imports; run++) {
        const [org] = await handle.db
          .insert(organizations)
          .values({ name: `Import ${run}` })
          .returning();
        if (!org) throw new Error('no organisation');
        const folderId = randomUUID();
        await handle.db.insert(folders).values({
          id: folderId,
          organizationId: org.id,
          parentId: null,
          name: org.name,
          path: `/${folderId}/`,
          depth: 0,
        });
        const content = parseOscalCatalog(text, `run-${run}.json`);
        await handle.db.transaction((tx) => saveLibraryContent(tx, content, { organizationId: org.id, folderId }));
      }
    }),
  );
} else {
  console.log(`(no ${values.catalog}: the import scenario is skipped; see ../shared/data/README)`);
}

report(
  `during one ${bulkRows}-row insert transaction`,
  await withLoad('probe', 1, () => insertAssets(bulkRows, rootFolderId)),
);
report(`${loadSeconds} s, 20 users back to back`, await withLoad('load', 20, () => sleep(loadSeconds * 1_000)));

await app.close();
await bench.dispose();
