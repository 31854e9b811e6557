import { randomBytes } from 'node:crypto';
import type { TypedApp } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { createUser, signIn } from '../../test/factories.js';
import { roleBindings, roles } from '../access/tables.js';
import { appliedControlOwners, appliedControls } from '../controls/tables.js';
import { memberships } from '../organizations/tables.js';
import { riskAcceptanceScenarios, riskAcceptances } from '../risk-acceptances/tables.js';
import { riskAssessments, riskScenarioControls, riskScenarios } from '../risk-assessments/tables.js';
import { type MatrixDefinition, riskLevelOf } from '../risk-matrices/definition.js';
import { riskMatrices } from '../risk-matrices/tables.js';

/**
 * Test helpers: rows of other modules' tables inserted directly (their APIs may not exist yet; the schema is
 * fixed). Levels are computed from the matrix as the scenario writers must.
 */
const point = (name: string) => ({ abbreviation: name.slice(0, 2), name });
export const testMatrix: MatrixDefinition = {
  probability: [point('Rare'), point('Possible'), point('Likely')],
  impact: [point('Minor'), point('Moderate'), point('Major')],
  risk: [
    { ...point('Low'), color: '#2b8a3e' },
    { ...point('Medium'), color: '#f59f00' },
    { ...point('High'), color: '#c92a2a' },
  ],
  grid: [
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ],
};

const tag = () => randomBytes(3).toString('hex');

export async function insertAssessment(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string },
  fields: { riskToleranceLevel?: number | null } = {},
) {
  const [matrix] = await database.db
    .insert(riskMatrices)
    .values({ ...owner, urn: `urn:test:matrix:${tag()}`, name: `Matrix ${tag()}`, definition: testMatrix })
    .returning();
  if (!matrix) throw new Error('no matrix');
  const [assessment] = await database.db
    .insert(riskAssessments)
    .values({
      ...owner,
      riskMatrixId: matrix.id,
      name: `Assessment ${tag()}`,
      riskToleranceLevel: fields.riskToleranceLevel === undefined ? 0 : fields.riskToleranceLevel,
    })
    .returning();
  if (!assessment) throw new Error('no assessment');
  return { matrix, assessment };
}

type Rating = [probability: number, impact: number];
const rated = (prefix: 'inherent' | 'current' | 'residual', [p, i]: Rating) => ({
  [`${prefix}Probability`]: p,
  [`${prefix}Impact`]: i,
  [`${prefix}Level`]: riskLevelOf(testMatrix, p, i),
});

export async function insertScenario(
  database: DatabaseHandle,
  assessment: { id: string; organizationId: string; folderId: string },
  fields: {
    name?: string;
    inherent?: Rating;
    current?: Rating;
    residual?: Rating;
    treatment?: (typeof riskScenarios.$inferInsert)['treatment'];
  } = {},
) {
  const [row] = await database.db
    .insert(riskScenarios)
    .values({
      organizationId: assessment.organizationId,
      folderId: assessment.folderId,
      riskAssessmentId: assessment.id,
      name: fields.name ?? `Scenario ${tag()}`,
      treatment: fields.treatment ?? 'open',
      ...rated('inherent', fields.inherent ?? [-1, -1]),
      ...rated('current', fields.current ?? [-1, -1]),
      ...rated('residual', fields.residual ?? [-1, -1]),
    })
    .returning();
  if (!row) throw new Error('no scenario');
  return row;
}

export async function insertAcceptance(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string },
  scenarioIds: string[],
  fields: { state: (typeof riskAcceptances.$inferInsert)['state']; expiryDate: string | null },
) {
  const [row] = await database.db
    .insert(riskAcceptances)
    .values({ ...owner, name: `Acceptance ${tag()}`, ...fields })
    .returning();
  if (!row) throw new Error('no acceptance');
  await database.db
    .insert(riskAcceptanceScenarios)
    .values(scenarioIds.map((riskScenarioId) => ({ riskAcceptanceId: row.id, riskScenarioId })));
  return row;
}

export async function insertControl(
  database: DatabaseHandle,
  owner: { organizationId: string; folderId: string },
  fields: Partial<typeof appliedControls.$inferInsert> & { ownerIds?: string[] } = {},
) {
  const { ownerIds = [], ...values } = fields;
  const [row] = await database.db
    .insert(appliedControls)
    .values({ name: `Control ${tag()}`, ...values, ...owner })
    .returning();
  if (!row) throw new Error('no control');
  if (ownerIds.length > 0) {
    await database.db
      .insert(appliedControlOwners)
      .values(ownerIds.map((userId) => ({ appliedControlId: row.id, userId })));
  }
  return row;
}

export async function linkControl(
  database: DatabaseHandle,
  scenarioId: string,
  appliedControlId: string,
  kind: 'existing' | 'planned' = 'planned',
) {
  await database.db.insert(riskScenarioControls).values({ riskScenarioId: scenarioId, appliedControlId, kind });
}

/** A signed-in member holding a custom role with exactly `permissions` on `folderId` (for the 403 cases). */
export async function userWithPermissions(
  app: TypedApp,
  database: DatabaseHandle,
  params: { organizationId: string; folderId: string; permissions: string[] },
) {
  const user = await createUser(database);
  const [role] = await database.db
    .insert(roles)
    .values({ organizationId: params.organizationId, name: `Role ${tag()}`, permissions: params.permissions })
    .returning();
  if (!role) throw new Error('no role');
  await database.db.insert(memberships).values({ organizationId: params.organizationId, userId: user.id });
  await database.db
    .insert(roleBindings)
    .values({ organizationId: params.organizationId, folderId: params.folderId, roleId: role.id, userId: user.id });
  const session = await signIn(app, user.email);
  session.organizationId = params.organizationId;
  return { user, session };
}
