/**
 * Times opening an assessment of the full NIST SP 800-53 rev5 catalog (≈1,200 nodes) through the HTTP API:
 * `GET /compliance-assessments/:id/requirements` (the workspace payload) and `GET /compliance-assessments/:id`
 * (detail + summary), each measured over many runs (p50/p95), on the embedded PostgreSQL and, when TEST_DATABASE_URL
 * or DATABASE_URL is set, on PostgreSQL (in a scratch database dropped afterwards). The app is the real one
 * (authentication, access checks, serialisation), driven with `app.inject` so no socket is timed. Not part of
 * `npm test`. Run from the repository root:
 *
 *   npx tsx bench/open-assessment.ts [--runs 50] [--catalog ../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.js';
import { systemContext } from '../apps/server/src/modules/audit/record.js';
import { parseOscalCatalog } from '../apps/server/src/modules/frameworks/formats/oscal/catalog.js';
import { saveLibraryContent } from '../apps/server/src/modules/frameworks/writer.js';
import { modules } from '../apps/server/src/modules/index.js';
import { createOrganization } from '../apps/server/src/modules/organizations/service.js';
import { insertUser } from '../apps/server/src/modules/users/queries.js';
import { hashPassword } from '../apps/server/src/platform/auth/password.js';
import { systemClock } from '../apps/server/src/platform/clock.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { type DatabaseHandle, openDatabase } from '../apps/server/src/platform/db/client.js';
import { prepareDatabase } from '../apps/server/src/platform/db/prepare.js';
import { openBenchDatabase } from './support/database.js';
import { percentile } from './support/stats.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    catalog: { type: 'string', default: path.resolve('../shared/data/oscal/NIST_SP-800-53_rev5_catalog.json') },
  },
});
const runs = Math.max(1, Number(values.runs));
const catalogPath = String(values.catalog);
const password = 'bench password, not a secret';

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function bench(label: string, database: DatabaseHandle) {
  await prepareDatabase(database, modules);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: randomBytes(24).toString('hex'),
    RAMPART_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  await app.ready();
  try {
    const email = `bench-${randomBytes(3).toString('hex')}@example.test`;
    const user = await insertUser(database.db, {
      email,
      displayName: 'Bench',
      passwordHash: await hashPassword(password),
    });
    const { organization, rootFolderId } = await database.db.transaction((tx) =>
      createOrganization(tx, systemContext(), {
        name: `Bench ${randomBytes(3).toString('hex')}`,
        ownerUserId: user.id,
      }),
    );
    const content = parseOscalCatalog(readFileSync(catalogPath, 'utf8'), path.basename(catalogPath));
    const saved = await database.db.transaction((tx) =>
      saveLibraryContent(tx, content, { organizationId: organization.id, folderId: rootFolderId }),
    );
    const frameworkId = saved.frameworks[0]?.id;
    if (!frameworkId) throw new Error('catalog not saved');

    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookie = login.cookies.find((c) => c.name === 'rampart_session');
    if (!cookie) throw new Error(`login failed: ${login.body}`);
    const headers = {
      cookie: `rampart_session=${cookie.value}`,
      'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
      'x-organization-id': organization.id,
    };

    const createStarted = performance.now();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/compliance-assessments',
      headers,
      payload: { folderId: rootFolderId, frameworkId, name: 'Bench 800-53' },
    });
    const createMs = performance.now() - createStarted;
    if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
    const { id, requirementCount } = created.json() as { id: string; requirementCount: number };

    const time = async (url: string, encoding?: string) => {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs + 3; i++) {
        const started = performance.now();
        const response = await app.inject({
          method: 'GET',
          url,
          headers: encoding ? { ...headers, 'accept-encoding': encoding } : headers,
        });
        const elapsed = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        bytes = response.rawPayload.length;
        if (i >= 3) samples.push(elapsed); // the first calls warm the JIT and the caches
      }
      return `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} (${(bytes / 1024).toFixed(0)} KiB)`;
    };
    const workspace = await time(`/api/v1/compliance-assessments/${id}/requirements`);
    const brotli = await time(`/api/v1/compliance-assessments/${id}/requirements`, 'br');
    const gzip = await time(`/api/v1/compliance-assessments/${id}/requirements`, 'gzip');
    const detail = await time(`/api/v1/compliance-assessments/${id}`);
    console.log(
      `${label}: ${content.frameworks[0]?.nodes.length} nodes, ${requirementCount} requirement assessments, ` +
        `${runs} runs\n  create (one INSERT … SELECT): ${ms(createMs)}\n  GET …/requirements: ${workspace}\n` +
        `    with brotli: ${brotli}\n    with gzip: ${gzip}\n  GET …/:id (detail + summary): ${detail}`,
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
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
  const server = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 });
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
