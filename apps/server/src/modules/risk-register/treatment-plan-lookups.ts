import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// applied_controls and applied_control_owners are owned by the controls module.
import { appliedControlOwners, appliedControls } from '../controls/index.js';
// risk_scenarios and risk_scenario_controls are owned by the risk-assessments module.
import { riskScenarioControls, riskScenarios } from '../risk-assessments/index.js';
import { users } from '../users/index.js';

/**
 * Every (planned control, scenario it treats) pair of the assessment, one row each, by ETA (none last). Only pairs
 * whose scenario and control both lie in folders the caller may read (`visible`: folder ids where they hold
 * risk_scenario:read, applied_control:read), so the plan never names a scenario or a control they cannot open.
 */
export const plannedPairs = (db: DbOrTx, riskAssessmentId: string, visible: { scenarios: SQL; controls: SQL }) =>
  db
    .select({
      control: {
        id: appliedControls.id,
        refId: appliedControls.refId,
        name: appliedControls.name,
        status: appliedControls.status,
        eta: appliedControls.eta,
        progress: appliedControls.progress,
      },
      scenario: {
        id: riskScenarios.id,
        refId: riskScenarios.refId,
        name: riskScenarios.name,
        currentLevel: riskScenarios.currentLevel,
        residualLevel: riskScenarios.residualLevel,
      },
    })
    .from(riskScenarioControls)
    .innerJoin(riskScenarios, eq(riskScenarios.id, riskScenarioControls.riskScenarioId))
    .innerJoin(appliedControls, eq(appliedControls.id, riskScenarioControls.appliedControlId))
    .where(
      and(
        eq(riskScenarios.riskAssessmentId, riskAssessmentId),
        eq(riskScenarioControls.kind, 'planned'),
        inArray(riskScenarios.folderId, visible.scenarios),
        inArray(appliedControls.folderId, visible.controls),
      ),
    )
    .orderBy(
      sql`${appliedControls.eta} asc nulls last`,
      asc(appliedControls.name),
      asc(appliedControls.id),
      asc(riskScenarios.name),
      asc(riskScenarios.id),
    );

/**
 * Scenarios to mitigate that no control is planned for (whatever folder such a control lives in), among those in
 * folders where the caller may read scenarios (`scenariosVisible`).
 */
export const mitigationGaps = (db: DbOrTx, riskAssessmentId: string, scenariosVisible: SQL) =>
  db
    .select({
      id: riskScenarios.id,
      refId: riskScenarios.refId,
      name: riskScenarios.name,
      treatment: riskScenarios.treatment,
      currentLevel: riskScenarios.currentLevel,
      residualLevel: riskScenarios.residualLevel,
    })
    .from(riskScenarios)
    .where(
      and(
        eq(riskScenarios.riskAssessmentId, riskAssessmentId),
        eq(riskScenarios.treatment, 'mitigate'),
        inArray(riskScenarios.folderId, scenariosVisible),
        sql`not exists (select 1 from ${riskScenarioControls} rsc
              where rsc.risk_scenario_id = ${riskScenarios.id} and rsc.kind = 'planned')`,
      ),
    )
    .orderBy(sql`${riskScenarios.currentLevel} desc`, asc(riskScenarios.name), asc(riskScenarios.id));

export const ownersOfControls = (db: DbOrTx, controlIds: string[]) =>
  controlIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          appliedControlId: appliedControlOwners.appliedControlId,
          id: users.id,
          displayName: users.displayName,
          email: users.email,
        })
        .from(appliedControlOwners)
        .innerJoin(users, eq(users.id, appliedControlOwners.userId))
        .where(inArray(appliedControlOwners.appliedControlId, controlIds))
        .orderBy(users.displayName, users.id);
