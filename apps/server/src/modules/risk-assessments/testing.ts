import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import { assets } from '../assets/tables.js';
import { riskAcceptanceScenarios, riskAcceptances } from '../risk-acceptances/tables.js';
import type { MatrixDefinition } from '../risk-matrices/definition.js';
import { riskMatrices } from '../risk-matrices/tables.js';
import { threats } from '../threats/tables.js';

/**
 * Test helpers. Matrices, threats, assets and acceptances belong to modules written alongside this one, so their
 * rows are inserted directly into their (fixed) tables rather than through APIs that may not exist yet.
 */
const tag = () => randomBytes(4).toString('hex');
const point = (name: string) => ({ abbreviation: name.slice(0, 3), name });

/** A square matrix of `size` points with `size` levels; level = min(size - 1, floor((p + i) / 2)). */
export function squareDefinition(size: number): MatrixDefinition {
  const names = ['Very low', 'Low', 'Medium', 'High', 'Very high', 'Extreme'].slice(0, size);
  const colours = ['#2e7d32', '#9e9d24', '#f9a825', '#ef6c00', '#c62828', '#6a1b9a'];
  return {
    probability: names.map(point),
    impact: names.map(point),
    risk: names.map((name, i) => ({ ...point(name), color: colours[i] ?? '#000000' })),
    grid: names.map((_, p) => names.map((__, i) => Math.min(size - 1, Math.floor((p + i) / 2)))),
  };
}

export async function insertMatrix(
  database: DatabaseHandle,
  owner: { organizationId: string | null; folderId?: string | null },
  size = 3,
  urn = `urn:test:matrix:${tag()}`,
  revision = 1,
) {
  const [row] = await database.db
    .insert(riskMatrices)
    .values({
      organizationId: owner.organizationId,
      folderId: owner.folderId ?? null,
      urn,
      name: `Matrix ${size}x${size} ${tag()}`,
      revision,
      definition: squareDefinition(size),
    })
    .returning();
  if (!row) throw new Error('matrix not inserted');
  return row;
}

export async function insertThreat(
  database: DatabaseHandle,
  owner: { organizationId: string | null; folderId: string | null },
) {
  const [row] = await database.db
    .insert(threats)
    .values({ organizationId: owner.organizationId, folderId: owner.folderId, name: `Threat ${tag()}` })
    .returning();
  if (!row) throw new Error('threat not inserted');
  return row;
}

export async function insertAsset(database: DatabaseHandle, owner: { organizationId: string; folderId: string }) {
  const [row] = await database.db
    .insert(assets)
    .values({ organizationId: owner.organizationId, folderId: owner.folderId, name: `Asset ${tag()}`, type: 'primary' })
    .returning();
  if (!row) throw new Error('asset not inserted');
  return row;
}

export async function insertAcceptance(
  database: DatabaseHandle,
  params: {
    organizationId: string;
    folderId: string;
    scenarioIds: string[];
    state?: (typeof riskAcceptances.$inferInsert)['state'];
    expiryDate?: string | null;
  },
) {
  const [row] = await database.db
    .insert(riskAcceptances)
    .values({
      organizationId: params.organizationId,
      folderId: params.folderId,
      name: `Acceptance ${tag()}`,
      state: params.state ?? 'accepted',
      expiryDate: params.expiryDate ?? null,
    })
    .returning();
  if (!row) throw new Error('acceptance not inserted');
  await database.db
    .insert(riskAcceptanceScenarios)
    .values(params.scenarioIds.map((riskScenarioId) => ({ riskAcceptanceId: row.id, riskScenarioId })));
  return row;
}

export interface AssessmentJson {
  id: string;
  version: number;
  folderId: string;
  status: string;
  riskToleranceLevel: number | null;
  riskMatrix: { id: string };
  abilities: Record<string, boolean>;
  counts: { scenarios: number; rated: number; flagged: number; byTreatment: Record<string, number> };
}

export async function createAssessment(
  app: TypedApp,
  session: Session,
  folderId: string,
  riskMatrixId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/risk-assessments',
    payload: { folderId, riskMatrixId, name: `Assessment ${tag()}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AssessmentJson;
}

interface Rating {
  probability: number;
  impact: number;
  level: number;
}
export interface ScenarioJson {
  id: string;
  version: number;
  name: string;
  folderId: string;
  inherent: Rating;
  current: Rating;
  residual: Rating;
  flagged: boolean;
  abilities: Record<string, boolean>;
}

export async function createScenario(
  app: TypedApp,
  session: Session,
  riskAssessmentId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/risk-scenarios',
    payload: { riskAssessmentId, name: `Scenario ${tag()}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ScenarioJson;
}
