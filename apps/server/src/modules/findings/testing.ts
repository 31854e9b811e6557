import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
// Rows of other modules are inserted directly: the schema is fixed, their APIs may not exist yet.
import { assets } from '../assets/tables.js';
import { riskAssessments, riskScenarios } from '../risk-assessments/tables.js';
import { riskMatrices } from '../risk-matrices/tables.js';

const tag = () => randomBytes(3).toString('hex');

export interface FindingJson {
  id: string;
  version: number;
  folderId: string;
  title: string;
  severity: string;
  status: string;
  dueDate: string | null;
  closedAt: string | null;
  overdue: boolean;
  identifiedAt: string;
  findingsAssessment: { id: string; name: string } | null;
  assets: { id: string }[];
  appliedControls: { id: string }[];
  riskScenarios: { id: string }[];
  assetCount: number;
  abilities: { update: boolean; delete: boolean };
}

export async function createFinding(app: TypedApp, session: Session, fields: Record<string, unknown>) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/findings',
    payload: { title: `Finding ${tag()}`, severity: 'medium', ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as FindingJson;
}

export async function createAssessment(app: TypedApp, session: Session, folderId: string, fields = {}) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/findings-assessments',
    payload: { folderId, name: `Pen test ${tag()}`, category: 'pentest', ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; folderId: string; name: string };
}

export async function insertAsset(database: DatabaseHandle, organizationId: string, folderId: string) {
  const [row] = await database.db
    .insert(assets)
    .values({ organizationId, folderId, name: `Asset ${tag()}`, type: 'supporting' })
    .returning({ id: assets.id });
  if (!row) throw new Error('no asset');
  return row.id;
}

/** A risk scenario, with the matrix and risk assessment it needs. */
export async function insertScenario(database: DatabaseHandle, organizationId: string, folderId: string) {
  const point = (n: string) => ({ abbreviation: n, name: n });
  const [matrix] = await database.db
    .insert(riskMatrices)
    .values({
      organizationId,
      folderId,
      urn: `urn:test:matrix:${tag()}`,
      name: 'Matrix',
      definition: {
        probability: [point('L'), point('H')],
        impact: [point('L'), point('H')],
        risk: [
          { ...point('Low'), color: '#00ff00' },
          { ...point('High'), color: '#ff0000' },
        ],
        grid: [
          [0, 0],
          [0, 1],
        ],
      },
    })
    .returning({ id: riskMatrices.id });
  if (!matrix) throw new Error('no matrix');
  const [assessment] = await database.db
    .insert(riskAssessments)
    .values({ organizationId, folderId, riskMatrixId: matrix.id, name: `Risk assessment ${tag()}` })
    .returning({ id: riskAssessments.id });
  if (!assessment) throw new Error('no risk assessment');
  const [scenario] = await database.db
    .insert(riskScenarios)
    .values({ organizationId, folderId, riskAssessmentId: assessment.id, name: `Scenario ${tag()}` })
    .returning({ id: riskScenarios.id });
  if (!scenario) throw new Error('no scenario');
  return scenario.id;
}
