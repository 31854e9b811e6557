import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Access, Permission } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
// Owned by assets.
import { assets } from '../assets/index.js';
// Owned by controls.
import { appliedControls } from '../controls/index.js';
// Owned by folders.
import { folders } from '../folders/index.js';
// Owned by organizations.
import { organizations } from '../organizations/index.js';
// Owned by risk-acceptances, with the in-force rule.
import { acceptanceInForce, riskAcceptanceScenarios, riskAcceptances } from '../risk-acceptances/index.js';
// Owned by risk-assessments.
import type { RiskAssessmentStatus } from '../risk-assessments/index.js';
import {
  riskAssessmentPeople,
  riskAssessments,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from '../risk-assessments/index.js';
// Owned by risk-matrices.
import { exceedsTolerance, type MatrixDefinition, riskMatrices } from '../risk-matrices/index.js';
// Owned by threats.
import { threats } from '../threats/index.js';
// Owned by users.
import { users } from '../users/index.js';

/** The risk assessment a file is about, with what the files print about it. */
export interface RiskHeader {
  id: string;
  organizationId: string;
  organizationName: string;
  folderId: string;
  folderPath: string;
  refId: string | null;
  name: string;
  description: string | null;
  assessmentVersion: string | null;
  status: RiskAssessmentStatus;
  dueDate: string | null;
  riskToleranceLevel: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  authors: string[];
  reviewers: string[];
  matrix: { id: string; refId: string | null; name: string; revision: number; definition: MatrixDefinition };
}

/**
 * Loads the assessment and checks the caller may do every one of `permissions` in its folder: 404 for another
 * organisation's assessment or one the caller cannot read, 403 when readable but an action is not allowed.
 */
export async function loadRiskHeader(
  db: DbOrTx,
  access: Access,
  id: string,
  permissions: Permission[],
): Promise<RiskHeader> {
  const [found] = await db
    .select({
      a: riskAssessments,
      folderPath: folders.path,
      organizationName: organizations.name,
      matrix: {
        id: riskMatrices.id,
        refId: riskMatrices.refId,
        name: riskMatrices.name,
        revision: riskMatrices.revision,
        definition: riskMatrices.definition,
      },
    })
    .from(riskAssessments)
    .innerJoin(folders, eq(folders.id, riskAssessments.folderId))
    .innerJoin(organizations, eq(organizations.id, riskAssessments.organizationId))
    .innerJoin(riskMatrices, eq(riskMatrices.id, riskAssessments.riskMatrixId))
    .where(and(eq(riskAssessments.id, id), eq(riskAssessments.organizationId, access.organizationId)));
  const row = readableOr404(found, access, 'risk_assessment:read', 'Risk assessment');
  for (const permission of permissions) {
    access.require(permission, row.folderPath, 'risk_assessment:read', 'Risk assessment');
  }
  const people = await db
    .select({ role: riskAssessmentPeople.role, email: users.email })
    .from(riskAssessmentPeople)
    .innerJoin(users, eq(users.id, riskAssessmentPeople.userId))
    .where(eq(riskAssessmentPeople.riskAssessmentId, id))
    .orderBy(asc(users.email));
  const a = row.a;
  return {
    id: a.id,
    organizationId: a.organizationId,
    organizationName: row.organizationName,
    folderId: a.folderId,
    folderPath: row.folderPath,
    refId: a.refId,
    name: a.name,
    description: a.description,
    assessmentVersion: a.assessmentVersion,
    status: a.status,
    dueDate: a.dueDate,
    riskToleranceLevel: a.riskToleranceLevel,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    authors: people.filter((p) => p.role === 'author').map((p) => p.email),
    reviewers: people.filter((p) => p.role === 'reviewer').map((p) => p.email),
    matrix: row.matrix,
  };
}

export interface Ref {
  id: string;
  refId: string | null;
  name: string;
}
export interface ControlRef extends Ref {
  status: string;
  eta: string | null;
}
export interface Rating {
  probability: number;
  impact: number;
  level: number;
}

/** One scenario as the files show it, with the linked objects the caller may read. */
export interface ScenarioRecord {
  id: string;
  refId: string | null;
  name: string;
  description: string | null;
  vulnerabilities: string | null;
  existingControlsText: string | null;
  inherent: Rating;
  current: Rating;
  residual: Rating;
  treatment: string;
  owner: { id: string; email: string; displayName: string } | null;
  strengthOfKnowledge: string | null;
  justification: string | null;
  threats: Ref[];
  assets: Ref[];
  existingControls: ControlRef[];
  plannedControls: ControlRef[];
  flagged: boolean;
}

/** Threats the caller may use: the built-in catalogue and the organisation's threats in readable folders. */
export const visibleThreats = (access: Access) =>
  or(
    isNull(threats.organizationId),
    and(
      eq(threats.organizationId, access.organizationId),
      inArray(threats.folderId, access.visibleFolderIds('threat:read')),
    ),
  );
export const visibleAssets = (access: Access) =>
  and(
    eq(assets.organizationId, access.organizationId),
    inArray(assets.folderId, access.visibleFolderIds('asset:read')),
  );
export const visibleControls = (access: Access) =>
  and(
    eq(appliedControls.organizationId, access.organizationId),
    inArray(appliedControls.folderId, access.visibleFolderIds('applied_control:read')),
  );

/**
 * Every scenario of the assessment (by ref id, then name), with its readable links and whether it is flagged
 * (above the tolerance, and no acceptance in force on `today`, a UTC date). A constant number of queries.
 */
export async function loadScenarios(
  db: DbOrTx,
  access: Access,
  header: RiskHeader,
  today: string,
): Promise<ScenarioRecord[]> {
  const rows = await db
    .select({ s: riskScenarios, owner: { id: users.id, email: users.email, displayName: users.displayName } })
    .from(riskScenarios)
    .leftJoin(users, eq(users.id, riskScenarios.ownerId))
    .where(and(eq(riskScenarios.riskAssessmentId, header.id), eq(riskScenarios.organizationId, header.organizationId)))
    .orderBy(asc(riskScenarios.refId), asc(riskScenarios.name), asc(riskScenarios.id));
  const inAssessment = db
    .select({ id: riskScenarios.id })
    .from(riskScenarios)
    .where(eq(riskScenarios.riskAssessmentId, header.id));
  const threatLinks = await db
    .select({ sid: riskScenarioThreats.riskScenarioId, id: threats.id, refId: threats.refId, name: threats.name })
    .from(riskScenarioThreats)
    .innerJoin(threats, eq(threats.id, riskScenarioThreats.threatId))
    .where(and(inArray(riskScenarioThreats.riskScenarioId, inAssessment), visibleThreats(access)))
    .orderBy(asc(threats.refId), asc(threats.name));
  const assetLinks = await db
    .select({ sid: riskScenarioAssets.riskScenarioId, id: assets.id, refId: assets.refId, name: assets.name })
    .from(riskScenarioAssets)
    .innerJoin(assets, eq(assets.id, riskScenarioAssets.assetId))
    .where(and(inArray(riskScenarioAssets.riskScenarioId, inAssessment), visibleAssets(access)))
    .orderBy(asc(assets.refId), asc(assets.name));
  const controlLinks = await db
    .select({
      sid: riskScenarioControls.riskScenarioId,
      kind: riskScenarioControls.kind,
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
      eta: appliedControls.eta,
    })
    .from(riskScenarioControls)
    .innerJoin(appliedControls, eq(appliedControls.id, riskScenarioControls.appliedControlId))
    .where(and(inArray(riskScenarioControls.riskScenarioId, inAssessment), visibleControls(access)))
    .orderBy(asc(appliedControls.refId), asc(appliedControls.name));
  const accepted = await db
    .selectDistinct({ sid: riskAcceptanceScenarios.riskScenarioId })
    .from(riskAcceptanceScenarios)
    .innerJoin(riskAcceptances, eq(riskAcceptances.id, riskAcceptanceScenarios.riskAcceptanceId))
    .where(and(inArray(riskAcceptanceScenarios.riskScenarioId, inAssessment), acceptanceInForce(today)));
  const inForce = new Set(accepted.map((a) => a.sid));
  const threatsOf = groupBy(threatLinks);
  const assetsOf = groupBy(assetLinks);
  const existingOf = groupBy(controlLinks.filter((l) => l.kind === 'existing'));
  const plannedOf = groupBy(controlLinks.filter((l) => l.kind === 'planned'));
  const strip = <T extends { sid: string }>(list: T[] | undefined) => (list ?? []).map(({ sid: _, ...rest }) => rest);
  return rows.map(({ s, owner }) => ({
    id: s.id,
    refId: s.refId,
    name: s.name,
    description: s.description,
    vulnerabilities: s.vulnerabilities,
    existingControlsText: s.existingControlsText,
    inherent: { probability: s.inherentProbability, impact: s.inherentImpact, level: s.inherentLevel },
    current: { probability: s.currentProbability, impact: s.currentImpact, level: s.currentLevel },
    residual: { probability: s.residualProbability, impact: s.residualImpact, level: s.residualLevel },
    treatment: s.treatment,
    owner: owner?.id ? owner : null,
    strengthOfKnowledge: s.strengthOfKnowledge,
    justification: s.justification,
    threats: strip(threatsOf.get(s.id)),
    assets: strip(assetsOf.get(s.id)),
    existingControls: strip(existingOf.get(s.id)).map(({ kind: _, ...c }) => c),
    plannedControls: strip(plannedOf.get(s.id)).map(({ kind: _, ...c }) => c),
    flagged: exceedsTolerance(s.currentLevel, header.riskToleranceLevel) && !inForce.has(s.id),
  }));
}

function groupBy<T extends { sid: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.sid);
    if (list) list.push(item);
    else groups.set(item.sid, [item]);
  }
  return groups;
}
