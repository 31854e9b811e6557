import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import { riskAssessments, riskScenarios } from '../risk-assessments/tables.js';
import { riskMatrices } from '../risk-matrices/tables.js';

/**
 * Test helper: risk scenarios inserted directly (the risk-assessments API is another module's and may not exist
 * yet): a 2×2 matrix, an assessment in `folderId`, and `count` scenarios in it.
 */
export async function insertScenarios(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string },
  count = 1,
) {
  const tag = randomBytes(4).toString('hex');
  const point = (a: string) => ({ abbreviation: a, name: a });
  const [matrix] = await database.db
    .insert(riskMatrices)
    .values({
      organizationId: owner.organizationId,
      folderId: owner.folderId,
      urn: `urn:test:${tag}:matrix`,
      name: `Matrix ${tag}`,
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
  if (!matrix) throw new Error('matrix not inserted');
  const [assessment] = await database.db
    .insert(riskAssessments)
    .values({ ...owner, riskMatrixId: matrix.id, name: `Risk assessment ${tag}`, riskToleranceLevel: 0 })
    .returning({ id: riskAssessments.id });
  if (!assessment) throw new Error('assessment not inserted');
  const rows = await database.db
    .insert(riskScenarios)
    .values(
      Array.from({ length: count }, (_, i) => ({
        ...owner,
        riskAssessmentId: assessment.id,
        name: `Scenario ${i + 1} ${tag}`,
        currentProbability: 1,
        currentImpact: 1,
        currentLevel: 1,
      })),
    )
    .returning({ id: riskScenarios.id });
  return rows.map((r) => r.id);
}

export const acceptancesApi = '/api/v1/risk-acceptances';

export interface AcceptanceBody {
  id: string;
  version: number;
  state: string;
  inForce: boolean;
  expired: boolean;
  abilities: { update: boolean; delete: boolean; transitions: string[] };
  [k: string]: unknown;
}

export async function createAcceptance(
  app: TypedApp,
  session: Session,
  folderId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: acceptancesApi,
    payload: { folderId, name: `Acceptance ${randomBytes(3).toString('hex')}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AcceptanceBody;
}

export async function transition(
  app: TypedApp,
  session: Session,
  acceptance: { id: string; version: number },
  to: string,
  expected = 200,
  comment?: string,
) {
  const response = await call(app, session, {
    method: 'POST',
    url: `${acceptancesApi}/${acceptance.id}/transition`,
    payload: { version: acceptance.version, to, ...(comment ? { comment } : {}) },
  });
  expect(response.statusCode, response.body).toBe(expected);
  return response.json() as AcceptanceBody & { code?: string; detail?: string };
}
