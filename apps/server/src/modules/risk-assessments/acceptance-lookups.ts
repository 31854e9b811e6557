import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// The in-force rule and the tables are owned by the risk-acceptances module (read-only here: flags, deletion guards).
import {
  acceptanceInForce,
  coveredByAcceptanceInForce,
  riskAcceptanceScenarios,
  riskAcceptances,
} from '../risk-acceptances/index.js';
import { riskAssessments, riskScenarios } from './tables.js';

/** The clock's UTC date, `YYYY-MM-DD`: an acceptance expiring today is still in force today. */
export const utcDate = (now: Date) => now.toISOString().slice(0, 10);

/**
 * FLAGGED (shared contract): the current level is above the assessment's tolerance and no acceptance in force
 * covers the scenario. Needs `risk_assessments` joined on the scenario's assessment. An expired acceptance stops
 * covering on the day after its expiry date, with no job: the rule reads the clock's date.
 */
export const flaggedSql = (today: string): SQL<boolean> => sql<boolean>`(
  ${riskScenarios.currentLevel} <> -1
  and ${riskAssessments.riskToleranceLevel} is not null
  and ${riskScenarios.currentLevel} > ${riskAssessments.riskToleranceLevel}
  and not ${coveredByAcceptanceInForce(riskScenarios.id, today)})`;

/** The acceptances covering one scenario (its detail), with whether each is in force today. */
export const acceptancesOfScenario = (db: DbOrTx, scenarioId: string, visible: SQL, today: string) =>
  db
    .select({
      id: riskAcceptances.id,
      name: riskAcceptances.name,
      state: riskAcceptances.state,
      expiryDate: riskAcceptances.expiryDate,
      inForce: acceptanceInForce(today),
    })
    .from(riskAcceptanceScenarios)
    .innerJoin(riskAcceptances, eq(riskAcceptances.id, riskAcceptanceScenarios.riskAcceptanceId))
    .where(and(eq(riskAcceptanceScenarios.riskScenarioId, scenarioId), inArray(riskAcceptances.folderId, visible)))
    .orderBy(riskAcceptances.name, riskAcceptances.id)
    .limit(500);

/**
 * How many accepted acceptances cover scenarios of the assessment (or the one scenario). Deleting those scenarios
 * would silently strip the accepted record of what it accepted, so the deletion is refused while any exists.
 */
export async function acceptedCoverCount(db: DbOrTx, where: { riskAssessmentId?: string; scenarioId?: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${riskAcceptances.id})::int` })
    .from(riskAcceptanceScenarios)
    .innerJoin(riskAcceptances, eq(riskAcceptances.id, riskAcceptanceScenarios.riskAcceptanceId))
    .innerJoin(riskScenarios, eq(riskScenarios.id, riskAcceptanceScenarios.riskScenarioId))
    .where(
      and(
        eq(riskAcceptances.state, 'accepted'),
        where.riskAssessmentId ? eq(riskScenarios.riskAssessmentId, where.riskAssessmentId) : undefined,
        where.scenarioId ? eq(riskScenarios.id, where.scenarioId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}
