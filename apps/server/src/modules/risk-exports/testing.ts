import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { assets } from '../assets/tables.js';
import { appliedControls } from '../controls/tables.js';
import {
  riskAssessments,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from '../risk-assessments/tables.js';
import { type MatrixDefinition, riskLevelOf } from '../risk-matrices/definition.js';
import { riskMatrices } from '../risk-matrices/tables.js';
import { threats } from '../threats/tables.js';

/**
 * Test arrangements written straight to the tables (the risk modules' APIs are being written alongside): a 3×3
 * matrix, an assessment on it, threats, assets, applied controls and scenarios.
 */
export const matrix3x3: MatrixDefinition = {
  probability: [
    { abbreviation: 'L', name: 'Low' },
    { abbreviation: 'M', name: 'Medium' },
    { abbreviation: 'H', name: 'High' },
  ],
  impact: [
    { abbreviation: 'Mi', name: 'Minor' },
    { abbreviation: 'Mo', name: 'Moderate' },
    { abbreviation: 'Ma', name: 'Major' },
  ],
  risk: [
    { abbreviation: 'LR', name: 'Low risk', color: '#00B050' },
    { abbreviation: 'MR', name: 'Medium risk', color: '#FFC000' },
    { abbreviation: 'HR', name: 'High risk', color: '#C00000' },
  ],
  grid: [
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ],
};

type Ids = { organizationId: string; folderId: string };

export async function createMatrix(database: DatabaseHandle, ids: Ids, definition = matrix3x3) {
  const [row] = await database.db
    .insert(riskMatrices)
    .values({ ...ids, urn: `urn:test:matrix:${randomBytes(4).toString('hex')}`, name: '3×3 test matrix', definition })
    .returning();
  if (!row) throw new Error('no matrix');
  return row;
}

export async function createRiskAssessment(
  database: DatabaseHandle,
  params: Ids & { riskMatrixId: string; name?: string; riskToleranceLevel?: number | null; status?: 'done' },
) {
  const [row] = await database.db
    .insert(riskAssessments)
    .values({
      ...params,
      name: params.name ?? `Risk assessment ${randomBytes(3).toString('hex')}`,
      riskToleranceLevel: params.riskToleranceLevel ?? null,
      status: params.status ?? 'in_progress',
    })
    .returning();
  if (!row) throw new Error('no assessment');
  return row;
}

export async function setAssessmentStatus(
  database: DatabaseHandle,
  id: string,
  status: 'done' | 'deprecated' | 'in_progress',
) {
  await database.db.update(riskAssessments).set({ status }).where(eq(riskAssessments.id, id));
}

export async function createThreat(database: DatabaseHandle, ids: Ids, refId: string | null, name: string) {
  const [row] = await database.db
    .insert(threats)
    .values({ ...ids, refId, name })
    .returning();
  if (!row) throw new Error('no threat');
  return row;
}

export async function createAsset(database: DatabaseHandle, ids: Ids, refId: string | null, name: string) {
  const [row] = await database.db
    .insert(assets)
    .values({ ...ids, refId, name, type: 'supporting' })
    .returning();
  if (!row) throw new Error('no asset');
  return row;
}

export async function createControl(
  database: DatabaseHandle,
  ids: Ids,
  params: { refId: string | null; name: string; status?: 'active' | 'to_do'; eta?: string | null },
) {
  const [row] = await database.db
    .insert(appliedControls)
    .values({ ...ids, ...params, status: params.status ?? 'active' })
    .returning();
  if (!row) throw new Error('no control');
  return row;
}

type Pair = [number, number];

/** A scenario with ratings given as (probability, impact) index pairs; levels computed as the services do. */
export async function createScenario(
  database: DatabaseHandle,
  assessment: { id: string; organizationId: string; folderId: string },
  params: {
    refId?: string | null;
    name: string;
    description?: string | null;
    vulnerabilities?: string | null;
    existingControlsText?: string | null;
    inherent?: Pair;
    current?: Pair;
    residual?: Pair;
    treatment?: 'open' | 'mitigate' | 'accept' | 'avoid' | 'transfer';
    ownerId?: string | null;
    strengthOfKnowledge?: 'low' | 'medium' | 'high' | null;
    justification?: string | null;
    threatIds?: string[];
    assetIds?: string[];
    existingControlIds?: string[];
    plannedControlIds?: string[];
  },
  definition = matrix3x3,
) {
  const [ip, ii] = params.inherent ?? [-1, -1];
  const [cp, ci] = params.current ?? [-1, -1];
  const [rp, ri] = params.residual ?? [-1, -1];
  const [row] = await database.db
    .insert(riskScenarios)
    .values({
      organizationId: assessment.organizationId,
      folderId: assessment.folderId,
      riskAssessmentId: assessment.id,
      refId: params.refId ?? null,
      name: params.name,
      description: params.description ?? null,
      vulnerabilities: params.vulnerabilities ?? null,
      existingControlsText: params.existingControlsText ?? null,
      inherentProbability: ip,
      inherentImpact: ii,
      inherentLevel: riskLevelOf(definition, ip, ii),
      currentProbability: cp,
      currentImpact: ci,
      currentLevel: riskLevelOf(definition, cp, ci),
      residualProbability: rp,
      residualImpact: ri,
      residualLevel: riskLevelOf(definition, rp, ri),
      treatment: params.treatment ?? 'open',
      ownerId: params.ownerId ?? null,
      strengthOfKnowledge: params.strengthOfKnowledge ?? null,
      justification: params.justification ?? null,
    })
    .returning();
  if (!row) throw new Error('no scenario');
  for (const threatId of params.threatIds ?? []) {
    await database.db.insert(riskScenarioThreats).values({ riskScenarioId: row.id, threatId });
  }
  for (const assetId of params.assetIds ?? []) {
    await database.db.insert(riskScenarioAssets).values({ riskScenarioId: row.id, assetId });
  }
  for (const appliedControlId of params.existingControlIds ?? []) {
    await database.db
      .insert(riskScenarioControls)
      .values({ riskScenarioId: row.id, appliedControlId, kind: 'existing' });
  }
  for (const appliedControlId of params.plannedControlIds ?? []) {
    await database.db
      .insert(riskScenarioControls)
      .values({ riskScenarioId: row.id, appliedControlId, kind: 'planned' });
  }
  return row;
}

/** A register's scenarios as comparable values (no ids of the scenarios, no versions), by name. */
export async function registerState(database: DatabaseHandle, riskAssessmentId: string) {
  const rows = await database.db
    .select()
    .from(riskScenarios)
    .where(eq(riskScenarios.riskAssessmentId, riskAssessmentId));
  const threatLinks = await database.db.select().from(riskScenarioThreats);
  const assetLinks = await database.db.select().from(riskScenarioAssets);
  const controlLinks = await database.db.select().from(riskScenarioControls);
  return rows
    .map((s) => ({
      refId: s.refId,
      name: s.name,
      description: s.description,
      vulnerabilities: s.vulnerabilities,
      existingControlsText: s.existingControlsText,
      ratings: [
        s.inherentProbability,
        s.inherentImpact,
        s.inherentLevel,
        s.currentProbability,
        s.currentImpact,
        s.currentLevel,
        s.residualProbability,
        s.residualImpact,
        s.residualLevel,
      ],
      treatment: s.treatment,
      ownerId: s.ownerId,
      strengthOfKnowledge: s.strengthOfKnowledge,
      justification: s.justification,
      threatIds: threatLinks
        .filter((l) => l.riskScenarioId === s.id)
        .map((l) => l.threatId)
        .sort(),
      assetIds: assetLinks
        .filter((l) => l.riskScenarioId === s.id)
        .map((l) => l.assetId)
        .sort(),
      controls: controlLinks
        .filter((l) => l.riskScenarioId === s.id)
        .map((l) => `${l.kind}:${l.appliedControlId}`)
        .sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(name: string, content: Buffer | string, field = 'file') {
  const boundary = `----rampart${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
