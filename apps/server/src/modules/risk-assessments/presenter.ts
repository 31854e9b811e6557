import type { Access } from '../access/index.js';
import type { RiskAssessmentSummaryDto } from './contracts.js';
import type { AssessmentWithMatrix } from './queries.js';
import { ratingsOf } from './rating.js';
import type { RiskScenarioSummaryDto } from './scenario-contracts.js';
import type { PageExtra, ScenarioRow } from './scenario-queries.js';
import { isLocked } from './status.js';

export function toAssessmentSummary(
  { row, folderPath, matrix }: AssessmentWithMatrix,
  scenarioCount: number,
  access: Access,
): RiskAssessmentSummaryDto {
  const locked = isLocked(row.status);
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    assessmentVersion: row.assessmentVersion,
    status: row.status,
    dueDate: row.dueDate,
    riskToleranceLevel: row.riskToleranceLevel,
    riskMatrix: { id: matrix.id, name: matrix.name, revision: matrix.revision },
    locked,
    scenarioCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: access.can('risk_assessment:update', folderPath),
      delete: access.can('risk_assessment:delete', folderPath),
      approve: access.can('risk_assessment:approve', folderPath),
      createScenario: !locked && access.can('risk_scenario:create', folderPath),
    },
  };
}

export function toScenarioSummary(
  row: ScenarioRow,
  assessment: { name: string; riskMatrixId: string; locked: boolean },
  extra: PageExtra | undefined,
  access: Access,
): RiskScenarioSummaryDto {
  const path = extra?.folderPath ?? '';
  return {
    id: row.id,
    refId: row.refId,
    name: row.name,
    riskAssessment: { id: row.riskAssessmentId, name: assessment.name, riskMatrixId: assessment.riskMatrixId },
    folderId: row.folderId,
    ...ratingsOf(row),
    treatment: row.treatment,
    owner:
      extra?.ownerId && extra.ownerName !== null && extra.ownerEmail !== null
        ? { id: extra.ownerId, displayName: extra.ownerName, email: extra.ownerEmail }
        : null,
    strengthOfKnowledge: row.strengthOfKnowledge,
    flagged: Boolean(extra?.flagged),
    assetCount: Number(extra?.assetCount ?? 0),
    threatCount: Number(extra?.threatCount ?? 0),
    plannedControlCount: Number(extra?.plannedControlCount ?? 0),
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: !assessment.locked && access.can('risk_scenario:update', path),
      delete: !assessment.locked && access.can('risk_scenario:delete', path),
    },
  };
}
