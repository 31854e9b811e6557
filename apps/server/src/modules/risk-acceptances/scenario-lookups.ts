import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { folders } from '../folders/index.js';
// risk_scenarios and risk_assessments are owned by the risk-assessments module: read here for links and counts.
import { riskAssessments, riskScenarios } from '../risk-assessments/index.js';
import { riskAcceptanceScenarios } from './tables.js';

/** Scenarios among `ids` in the organisation, with their folder path for the caller's read check. */
export const scenariosForLinking = (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: riskScenarios.id, folderPath: folders.path })
        .from(riskScenarios)
        .innerJoin(folders, eq(folders.id, riskScenarios.folderId))
        .where(and(eq(riskScenarios.organizationId, organizationId), inArray(riskScenarios.id, ids)));

/** The linked scenarios the caller may read (`visible`: folder ids where they hold risk_scenario:read). */
export const scenariosOfAcceptance = (db: DbOrTx, acceptanceId: string, visible: SQL) =>
  db
    .select({
      id: riskScenarios.id,
      refId: riskScenarios.refId,
      name: riskScenarios.name,
      folderId: riskScenarios.folderId,
      riskAssessmentId: riskAssessments.id,
      riskAssessmentName: riskAssessments.name,
      currentLevel: riskScenarios.currentLevel,
      treatment: riskScenarios.treatment,
    })
    .from(riskAcceptanceScenarios)
    .innerJoin(riskScenarios, eq(riskScenarios.id, riskAcceptanceScenarios.riskScenarioId))
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
    .where(and(eq(riskAcceptanceScenarios.riskAcceptanceId, acceptanceId), inArray(riskScenarios.folderId, visible)))
    .orderBy(riskAssessments.name, riskScenarios.name, riskScenarios.id)
    .limit(1000);

/** SQL: how many scenarios linked to the acceptance row the caller may read. */
export const visibleScenarioCount = (acceptanceId: unknown, visible: SQL) =>
  sql<number>`(select count(*)::int from ${riskAcceptanceScenarios} ras
    join ${riskScenarios} rs on rs.id = ras.risk_scenario_id
    where ras.risk_acceptance_id = ${acceptanceId} and rs.folder_id in ${visible})`;

/** Linked scenarios whatever the caller sees: a submission needs at least one. */
export const allScenarioCount = async (db: DbOrTx, acceptanceId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(riskAcceptanceScenarios)
        .where(eq(riskAcceptanceScenarios.riskAcceptanceId, acceptanceId))
    )[0]?.n ?? 0,
  );
