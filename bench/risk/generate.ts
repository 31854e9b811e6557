/**
 * Fills one organisation with a risk register at scale: 10,000 assets (with dependency edges), 200 threats,
 * 2,000 applied controls, a 5×5 matrix and 50,000 risk scenarios spread over a few risk assessments, with random
 * ratings (some unrated), treatments, owners, links to assets, threats and controls, and risk acceptances (some
 * expired). Rows go in by direct batched INSERTs, not through the API, so it takes a minute or less; levels are
 * computed from the matrix as the scenario writers do. Used by `measure.ts`; run alone it fills the database of
 * DATABASE_URL (or the embedded database of a data directory with --data-dir, the server stopped) and prints
 * a login, to look at the register by hand:
 *
 *   DATABASE_URL=postgres://… npx tsx bench/risk/generate.ts [--scenarios 50000] [--assets 10000]
 *   npx tsx bench/risk/generate.ts --data-dir /tmp/rampart-risk-data   # then RAMPART_DATA_DIR=… npm start
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { assetDependencies, assets } from '../../apps/server/src/modules/assets/tables.js';
import { systemContext } from '../../apps/server/src/modules/audit/record.js';
import { appliedControls } from '../../apps/server/src/modules/controls/tables.js';
import { modules } from '../../apps/server/src/modules/index.js';
import { createOrganization } from '../../apps/server/src/modules/organizations/service.js';
import { riskAcceptanceScenarios, riskAcceptances } from '../../apps/server/src/modules/risk-acceptances/tables.js';
import {
  riskAssessments,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from '../../apps/server/src/modules/risk-assessments/tables.js';
import { type MatrixDefinition, riskLevelOf } from '../../apps/server/src/modules/risk-matrices/definition.js';
import { riskMatrices } from '../../apps/server/src/modules/risk-matrices/tables.js';
import { threats } from '../../apps/server/src/modules/threats/tables.js';
import { insertUser } from '../../apps/server/src/modules/users/queries.js';
import { hashPassword } from '../../apps/server/src/platform/auth/password.js';
import { type DatabaseHandle, openDatabase } from '../../apps/server/src/platform/db/client.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded/server-process.js';
import { prepareDatabase } from '../../apps/server/src/platform/db/prepare.js';

export interface GenerateOptions {
  assets: number;
  scenarios: number;
  assessments: number;
  threats: number;
  controls: number;
  /** Seed of the pseudo-random choices, so two runs build the same shape. */
  seed: number;
}

export const defaults: GenerateOptions = {
  assets: 10_000,
  scenarios: 50_000,
  assessments: 5,
  threats: 200,
  controls: 2_000,
  seed: 42,
};

const names = ['Very low', 'Low', 'Medium', 'High', 'Very high'];
const point = (name: string) => ({ abbreviation: name.slice(0, 2).toUpperCase(), name });
export const matrix5x5: MatrixDefinition = {
  probability: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map(point),
  impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'].map(point),
  risk: names.map((name, i) => ({
    ...point(name),
    color: ['#2b8a3e', '#74b816', '#f59f00', '#e8590c', '#c92a2a'][i] ?? '#868e96',
  })),
  grid: [0, 1, 2, 3, 4].map((p) => [0, 1, 2, 3, 4].map((i) => Math.min(4, Math.floor((p + i) / 2)))),
};

/** mulberry32: a tiny seeded generator, so figures are comparable between runs. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

/** Inserts in batches: one statement per `size` rows keeps each under PostgreSQL's 65,535 parameters. */
async function insertBatched<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export async function generateRiskData(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string; userIds: string[] },
  options: GenerateOptions = defaults,
) {
  const { db } = database;
  const rnd = seeded(options.seed);
  const base = { organizationId: owner.organizationId, folderId: owner.folderId };
  const started = performance.now();

  const assetIds = Array.from({ length: options.assets }, () => randomUUID());
  const kinds = ['server', 'database', 'laptop', 'process', 'service', 'network'];
  const assetRows = assetIds.map((id, n) => ({
    ...base,
    id,
    refId: `A-${String(n).padStart(5, '0')}`,
    name: `Asset ${n} ${rnd.pick(kinds)}`,
    type: rnd.next() < 0.2 ? ('primary' as const) : ('supporting' as const),
    category: rnd.pick(['system', 'application', 'service', 'hardware', 'information'] as const),
    securityObjectives: { confidentiality: rnd.int(4), integrity: rnd.int(4), availability: rnd.int(4) },
  }));
  await insertBatched(assetRows, 1_000, (chunk) => db.insert(assets).values(chunk));
  // Each asset past the first thousand supports one or two earlier ones: a DAG, as the service would allow.
  const edges = new Set<string>();
  for (let k = 1_000; k < assetIds.length; k++) {
    for (let e = 0; e < 1 + rnd.int(2); e++) edges.add(`${assetIds[k]}|${assetIds[rnd.int(k)]}`);
  }
  await insertBatched([...edges], 2_000, (chunk) =>
    db.insert(assetDependencies).values(
      chunk.map((edge) => {
        const [supportingAssetId = '', supportedAssetId = ''] = edge.split('|');
        return { supportingAssetId, supportedAssetId };
      }),
    ),
  );

  const threatIds = Array.from({ length: options.threats }, () => randomUUID());
  await db
    .insert(threats)
    .values(threatIds.map((id, k) => ({ ...base, id, refId: `T-${k}`, name: `Threat ${k}`, category: 'bench' })));
  const controlIds = Array.from({ length: options.controls }, () => randomUUID());
  const statuses = ['to_do', 'in_progress', 'on_hold', 'active', 'degraded', 'deprecated'] as const;
  await insertBatched(controlIds, 1_000, (chunk) =>
    db.insert(appliedControls).values(
      chunk.map((id) => ({
        ...base,
        id,
        name: `Control ${randomBytes(3).toString('hex')}`,
        status: rnd.pick(statuses),
        eta: rnd.next() < 0.8 ? isoDay(rnd.int(360) - 120) : null,
        progress: rnd.int(101),
      })),
    ),
  );

  const [matrix] = await db
    .insert(riskMatrices)
    .values({
      ...base,
      urn: `urn:bench:matrix:${randomBytes(4).toString('hex')}`,
      name: 'Bench 5×5',
      definition: matrix5x5,
    })
    .returning();
  if (!matrix) throw new Error('no matrix');
  const assessmentIds: string[] = [];
  for (let a = 0; a < options.assessments; a++) {
    const [row] = await db
      .insert(riskAssessments)
      .values({ ...base, riskMatrixId: matrix.id, name: `Bench assessment ${a + 1}`, riskToleranceLevel: 2 })
      .returning({ id: riskAssessments.id });
    if (!row) throw new Error('no assessment');
    assessmentIds.push(row.id);
  }

  const treatments = ['open', 'mitigate', 'mitigate', 'accept', 'avoid', 'transfer'] as const;
  const rating = (worse?: [number, number]) => {
    if (rnd.next() < 0.08) return [-1, -1] as [number, number];
    if (!worse || worse[0] < 0) return [rnd.int(5), rnd.int(5)] as [number, number];
    return [Math.max(0, worse[0] - rnd.int(2)), Math.max(0, worse[1] - rnd.int(2))] as [number, number];
  };
  const scenarios = Array.from({ length: options.scenarios }, (_, n) => {
    const inherent = rating();
    const current = rating(inherent);
    const residual = rating(current);
    return {
      id: randomUUID(),
      treatment: rnd.pick(treatments),
      row: {
        ...base,
        riskAssessmentId: assessmentIds[n % assessmentIds.length] ?? '',
        refId: `R-${String(n).padStart(5, '0')}`,
        name: `Scenario ${n} ${rnd.pick(['ransomware', 'data leak', 'outage', 'fraud', 'insider', 'supplier failure'])}`,
        inherentProbability: inherent[0],
        inherentImpact: inherent[1],
        inherentLevel: riskLevelOf(matrix5x5, ...inherent),
        currentProbability: current[0],
        currentImpact: current[1],
        currentLevel: riskLevelOf(matrix5x5, ...current),
        residualProbability: residual[0],
        residualImpact: residual[1],
        residualLevel: riskLevelOf(matrix5x5, ...residual),
        ownerId: rnd.next() < 0.7 ? rnd.pick(owner.userIds) : null,
      },
    };
  });
  await insertBatched(scenarios, 1_000, (chunk) =>
    db.insert(riskScenarios).values(chunk.map((s) => ({ ...s.row, id: s.id, treatment: s.treatment }))),
  );

  const scenarioAssets: { riskScenarioId: string; assetId: string }[] = [];
  const scenarioThreats: { riskScenarioId: string; threatId: string }[] = [];
  const scenarioControls: { riskScenarioId: string; appliedControlId: string; kind: 'existing' | 'planned' }[] = [];
  for (const s of scenarios) {
    for (const assetId of new Set([rnd.pick(assetIds), rnd.pick(assetIds)])) {
      scenarioAssets.push({ riskScenarioId: s.id, assetId });
    }
    scenarioThreats.push({ riskScenarioId: s.id, threatId: rnd.pick(threatIds) });
    if (rnd.next() < 0.5) {
      scenarioControls.push({ riskScenarioId: s.id, appliedControlId: rnd.pick(controlIds), kind: 'existing' });
    }
    // Most scenarios to mitigate get a planned control; the rest are the treatment plan's gaps.
    if (s.treatment === 'mitigate' && rnd.next() < 0.8) {
      scenarioControls.push({ riskScenarioId: s.id, appliedControlId: rnd.pick(controlIds), kind: 'planned' });
    }
  }
  await insertBatched(scenarioAssets, 5_000, (chunk) => db.insert(riskScenarioAssets).values(chunk));
  await insertBatched(scenarioThreats, 5_000, (chunk) => db.insert(riskScenarioThreats).values(chunk));
  await insertBatched(scenarioControls, 5_000, (chunk) =>
    db.insert(riskScenarioControls).values(chunk).onConflictDoNothing(),
  );

  // Acceptances of ten scenarios each for those treated by acceptance; a quarter already expired.
  const accepted = scenarios.filter((s) => s.treatment === 'accept');
  for (let k = 0; k < accepted.length; k += 10) {
    const [row] = await db
      .insert(riskAcceptances)
      .values({
        ...base,
        name: `Acceptance ${k / 10}`,
        state: 'accepted',
        expiryDate: rnd.next() < 0.25 ? isoDay(-30) : isoDay(180),
      })
      .returning({ id: riskAcceptances.id });
    if (!row) throw new Error('no acceptance');
    await db
      .insert(riskAcceptanceScenarios)
      .values(accepted.slice(k, k + 10).map((s) => ({ riskAcceptanceId: row.id, riskScenarioId: s.id })));
  }
  // What autovacuum leaves a live database with: statistics, and a visibility map so that the heat map's covering
  // indexes answer by index-only scans (a table fresh from bulk INSERTs has no visibility map yet).
  await database.exec('vacuum analyze');

  return {
    matrixId: matrix.id,
    assessmentIds,
    assetCount: assetIds.length,
    edgeCount: edges.size,
    scenarioCount: scenarios.length,
    linkCount: scenarioAssets.length + scenarioThreats.length + scenarioControls.length,
    acceptanceCount: Math.ceil(accepted.length / 10),
    ms: performance.now() - started,
  };
}

/** A user and an organisation to generate into (the user owns it and signs in with `password`). */
export async function benchOrganisation(database: DatabaseHandle, password: string) {
  const passwordHash = await hashPassword(password);
  const email = `bench-${randomBytes(3).toString('hex')}@example.test`;
  const user = await insertUser(database.db, { email, displayName: 'Bench owner', passwordHash });
  const { organization, rootFolderId } = await database.db.transaction((tx) =>
    createOrganization(tx, systemContext(), {
      name: `Risk bench ${randomBytes(3).toString('hex')}`,
      ownerUserId: user.id,
    }),
  );
  return { email, userId: user.id, organizationId: organization.id, folderId: rootFolderId };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      scenarios: { type: 'string', default: String(defaults.scenarios) },
      assets: { type: 'string', default: String(defaults.assets) },
    },
  });
  const url = process.env.DATABASE_URL;
  const dataDir = values['data-dir'];
  if (!url && !dataDir) throw new Error('Set DATABASE_URL or pass --data-dir <RAMPART_DATA_DIR>');
  const embedded = url
    ? undefined
    : await startEmbeddedPostgres(path.join(path.resolve(String(dataDir)), 'postgres'), silentEmbeddedLog);
  const database = await openDatabase({ kind: 'postgres', url: url ?? embedded?.url ?? '' });
  try {
    await prepareDatabase(database, modules);
    const password = randomBytes(9).toString('base64url');
    const org = await benchOrganisation(database, password);
    const result = await generateRiskData(
      database,
      { organizationId: org.organizationId, folderId: org.folderId, userIds: [org.userId] },
      { ...defaults, scenarios: Number(values.scenarios), assets: Number(values.assets) },
    );
    console.log(JSON.stringify({ ...result, ms: Math.round(result.ms) }, null, 2));
    console.log(`Sign in as ${org.email} / ${password}`);
  } finally {
    await database.close();
    await embedded?.stop();
  }
}
