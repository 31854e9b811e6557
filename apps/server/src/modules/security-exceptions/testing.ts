import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { call, type Session } from '../../test/app.js';
import { insertAssessment } from '../assessments/creation.js';
import { requirementAssessments } from '../assessments/tables.js';
import { seedFramework } from '../assessments/testing.js';

/** Test helper: a compliance assessment of the mini framework in `folderId`; returns its requirement assessment ids. */
export async function insertRequirementAssessments(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string },
) {
  const frameworkId = await seedFramework(database, owner);
  const { id } = await database.db.transaction((tx) =>
    insertAssessment(tx, { ...owner, frameworkId, name: `Assessment ${randomBytes(3).toString('hex')}` }),
  );
  const rows = await database.db
    .select({ id: requirementAssessments.id })
    .from(requirementAssessments)
    .where(eq(requirementAssessments.assessmentId, id));
  return { assessmentId: id, ids: rows.map((r) => r.id) };
}

export const exceptionsApi = '/api/v1/security-exceptions';

export interface ExceptionBody {
  id: string;
  version: number;
  state: string;
  abilities: { update: boolean; delete: boolean; transitions: string[] };
  [k: string]: unknown;
}

export async function createException(
  app: TypedApp,
  session: Session,
  folderId: string,
  fields: Record<string, unknown> = {},
) {
  const response = await call(app, session, {
    method: 'POST',
    url: exceptionsApi,
    payload: { folderId, name: `Exception ${randomBytes(3).toString('hex')}`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ExceptionBody;
}

export async function transitionException(
  app: TypedApp,
  session: Session,
  exception: { id: string; version: number },
  to: string,
  expected = 200,
) {
  const response = await call(app, session, {
    method: 'POST',
    url: `${exceptionsApi}/${exception.id}/transition`,
    payload: { version: exception.version, to },
  });
  expect(response.statusCode, response.body).toBe(expected);
  return response.json() as ExceptionBody & { code?: string; detail?: string };
}
