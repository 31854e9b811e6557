/**
 * Times the risk register at scale through the real HTTP API (`app.inject`: authentication, access checks,
 * serialisation; no socket): one page of `GET /assets`, of `GET /risk-scenarios` in several filter and sort
 * variants, the heat map and the treatment plan of one assessment, each over many runs (p50/p95), and the process's
 * RSS afterwards. The data (10,000 assets, 50,000 scenarios; see generate.ts) is generated first into a scratch
 * database: PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set (a `rampart_bench_*` database created from
 * the URL and dropped at the end), else the embedded PostgreSQL in a temporary directory. Not part of `npm test`.
 * Run from the repository root:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/risk/measure.ts [--runs 50] [--pglite]
 *
 * `--pglite` measures the PGlite of earlier releases instead (a before/after comparison). `--existing` measures
 * the database of the URL as it is (migrated first, never dropped), filled earlier by `generate.ts`: the quick
 * loop when trying an index. An endpoint that does not exist yet (404 for the route) is reported as "not available" rather than failing the run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.js';
import { modules } from '../../apps/server/src/modules/index.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { systemClock } from '../../apps/server/src/platform/clock.js';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { type DatabaseHandle, openDatabase } from '../../apps/server/src/platform/db/client.js';
import { prepareDatabase } from '../../apps/server/src/platform/db/prepare.js';
import { openBenchDatabase } from '../support/database.js';
import { percentile } from '../support/stats.js';
import { benchOrganisation, defaults, generateRiskData } from './generate.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    scenarios: { type: 'string', default: String(defaults.scenarios) },
    assets: { type: 'string', default: String(defaults.assets) },
    pglite: { type: 'boolean', default: false },
    existing: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const password = 'bench password, not a secret';

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

interface BenchData {
  email: string;
  organizationId: string;
  assessmentIds: string[];
}

/** Generates the data into a fresh database. */
async function generate(label: string, database: DatabaseHandle): Promise<BenchData> {
  const org = await benchOrganisation(database, password);
  const generated = await generateRiskData(
    database,
    { organizationId: org.organizationId, folderId: org.folderId, userIds: [org.userId] },
    { ...defaults, scenarios: Number(values.scenarios), assets: Number(values.assets) },
  );
  console.log(
    `${label}: generated ${generated.assetCount} assets (${generated.edgeCount} dependencies), ` +
      `${generated.scenarioCount} scenarios over ${generated.assessmentIds.length} assessments, ` +
      `${generated.linkCount} links, ${generated.acceptanceCount} acceptances in ${(generated.ms / 1000).toFixed(1)} s`,
  );
  return { email: org.email, organizationId: org.organizationId, assessmentIds: generated.assessmentIds };
}

/** Finds the data `generate.ts` left in the database (its newest bench user) and gives that user our password. */
async function existing(label: string, database: DatabaseHandle): Promise<BenchData> {
  const user = (
    await database.query(
      "select id, email from users where email like 'bench-%@example.test' order by created_at desc limit 1",
    )
  ).rows[0];
  if (!user) throw new Error('--existing: no bench user in this database; run bench/risk/generate.ts into it first');
  await database.query('update users set password_hash = $1 where id = $2', [await hashPassword(password), user.id]);
  const assessments = await database.query(
    `select ra.id, ra.organization_id from risk_assessments ra join memberships m on m.organization_id = ra.organization_id
      where m.user_id = $1 order by ra.ref_id`,
    [user.id],
  );
  console.log(`${label}: the data already there (${assessments.rows.length} risk assessments)`);
  return {
    email: String(user.email),
    organizationId: String(assessments.rows[0]?.organization_id),
    assessmentIds: assessments.rows.map((r) => String(r.id)),
  };
}

async function bench(label: string, database: DatabaseHandle, fill: typeof generate) {
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
    const data = await fill(label, database);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: data.email, password },
    });
    const cookie = login.cookies.find((c) => c.name === 'rampart_session');
    if (!cookie) throw new Error(`login failed: ${login.body}`);
    const headers = {
      cookie: `rampart_session=${cookie.value}`,
      'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
      'x-organization-id': data.organizationId,
    };
    const get = (url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

    const time = async (name: string, url: string) => {
      const first = await get(url);
      if (first.statusCode === 404 && first.json().detail?.includes('Route')) {
        console.log(`  ${name.padEnd(44)} not available (${url.split('?')[0]} does not exist yet)`);
        return;
      }
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
      const samples: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const started = performance.now();
        const response = await get(url);
        const elapsed = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        if (i >= 2) samples.push(elapsed); // the first calls warm the JIT and the caches
      }
      const bytes = first.rawPayload.length;
      const items = (first.json() as { items?: unknown[] }).items?.length;
      console.log(
        `  ${name.padEnd(44)} p50 ${ms(percentile(samples, 50)).padStart(9)}, p95 ${ms(percentile(samples, 95)).padStart(9)}` +
          `  (${items === undefined ? '' : `${items} items, `}${(bytes / 1024).toFixed(0)} KiB)`,
      );
    };

    const assessment = data.assessmentIds[0] ?? '';
    const cursorOf = async (url: string) => ((await get(url)).json() as { nextCursor?: string }).nextCursor ?? '';
    await time('GET /assets', '/assets');
    await time('GET /assets?q=database', '/assets?q=database');
    await time('GET /assets?type=primary&sort=-updatedAt', '/assets?type=primary&sort=-updatedAt');
    await time('GET /assets?sort=-refId', '/assets?sort=-refId');
    await time('GET /risk-scenarios (by name)', '/risk-scenarios');
    await time('… ?riskAssessmentId', `/risk-scenarios?riskAssessmentId=${assessment}`);
    await time('… ?sort=-currentLevel', '/risk-scenarios?sort=-currentLevel');
    const next = await cursorOf('/risk-scenarios?sort=-currentLevel');
    if (next) await time('… ?sort=-currentLevel, page 2', `/risk-scenarios?sort=-currentLevel&cursor=${next}`);
    await time('… ?sort=refId', '/risk-scenarios?sort=refId');
    await time('… ?sort=-refId', '/risk-scenarios?sort=-refId');
    await time('… ?flagged=true', '/risk-scenarios?flagged=true');
    await time('… ?treatment=mitigate&sort=-residualLevel', '/risk-scenarios?treatment=mitigate&sort=-residualLevel');
    await time('… ?q=ransomware', '/risk-scenarios?q=ransomware');
    await time(
      '… heat-map cell (assessment, current 4/4)',
      `/risk-scenarios?riskAssessmentId=${assessment}&ratingKind=current&probability=4&impact=4`,
    );
    await time(
      '… ?level=4&ratingKind=residual&sort=-updatedAt',
      '/risk-scenarios?level=4&ratingKind=residual&sort=-updatedAt',
    );
    await time('GET /risk-assessments/{id}/heat-map', `/risk-assessments/${assessment}/heat-map`);
    await time('GET /risk-assessments/{id}/treatment-plan', `/risk-assessments/${assessment}/treatment-plan`);
    const memory = process.memoryUsage();
    console.log(
      `  RSS after the runs: ${mib(memory.rss)} (heap used ${mib(memory.heapUsed)})` +
        (database.kind === 'pglite' ? ', includes the embedded database' : ''),
    );
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${os.platform()}, ${runs} runs`,
);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url && values.existing) {
  const server = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    await bench(`PostgreSQL ${(await server.query('show server_version')).rows[0]?.server_version}`, server, existing);
  } finally {
    await server.close();
  }
} else if (url && !values.pglite) {
  const name = `rampart_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const server = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 });
  try {
    await bench(`PostgreSQL ${(await server.query('show server_version')).rows[0]?.server_version}`, server, generate);
  } finally {
    await server.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
} else {
  const embedded = await openBenchDatabase(values.pglite ? 'pglite' : 'embedded', 4);
  try {
    await bench(
      values.pglite ? 'PGlite (earlier embedded database)' : 'embedded PostgreSQL',
      embedded.handle,
      generate,
    );
  } finally {
    await embedded.dispose();
  }
}
