import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import { riskAssessments } from '../risk-assessments/tables.js';
import type { MatrixDefinition } from './definition.js';

/** A plain n×n definition (n levels, level = max(p, i)) for tests. */
export function squareDefinition(n: number): MatrixDefinition {
  const colours = ['#2e7d32', '#9ccc65', '#f9a825', '#ef6c00', '#c62828', '#6a1b9a'];
  return {
    probability: Array.from({ length: n }, (_, k) => ({ abbreviation: `P${k + 1}`, name: `P ${k + 1}` })),
    impact: Array.from({ length: n }, (_, k) => ({ abbreviation: `I${k + 1}`, name: `I ${k + 1}` })),
    risk: Array.from({ length: n }, (_, k) => ({
      abbreviation: `L${k + 1}`,
      name: `L ${k + 1}`,
      color: colours[k] ?? '#000000',
    })),
    grid: Array.from({ length: n }, (_, p) => Array.from({ length: n }, (_, i) => Math.max(p, i))),
  };
}

export async function createMatrix(app: TypedApp, session: Session, folderId: string, n = 3) {
  const response = await call(app, session, {
    method: 'POST',
    url: '/api/v1/risk-matrices',
    payload: { folderId, name: `Matrix ${n}x${n}`, definition: squareDefinition(n) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; urn: string; revision: number; folderId: string };
}

/**
 * Puts a matrix in use the way the risk-assessments module would: a risk_assessments row (that module owns the
 * table; inserted directly because its API may not exist yet).
 */
export async function useMatrix(
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; riskMatrixId: string },
) {
  const [row] = await database.db
    .insert(riskAssessments)
    .values({ ...params, name: 'Assessment using the matrix' })
    .returning({ id: riskAssessments.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function builtinMatrix(app: TypedApp, session: Session, size: '3x3' | '4x4' | '5x5') {
  const res = await call(app, session, { method: 'GET', url: '/api/v1/risk-matrices?source=builtin' });
  const item = (res.json().items as { id: string; urn: string; version: number }[]).find(
    (m) => m.urn === `urn:rampart:risk:matrix:${size}`,
  );
  if (!item) throw new Error(`built-in ${size} missing`);
  return item;
}
