import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { keysetOrderBy, keysetWhere, sortCursorColumn, textKey } from '../../platform/http/nullable-keyset.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { folders, subtreeOf } from '../folders/index.js';
import { users } from '../users/index.js';
import { flaggedSql } from './acceptance-lookups.js';
import { type LinkVisibility, linkCountFields } from './catalog-lookups.js';
import type { RatingKind } from './rating.js';
import type { scenarioSortFields } from './scenario-contracts.js';
import {
  riskAssessments,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
} from './tables.js';

export type ScenarioRow = typeof riskScenarios.$inferSelect;
export type ScenarioSort = (typeof scenarioSortFields)[number];

/**
 * Sorting. The not-null columns page with a plain `(column, id)` keyset so the indexes (assessment or
 * organisation, name, id) and (organisation, current level) serve the order; only the nullable ref id needs the
 * nulls-last keyset.
 */
const plainSortColumns = {
  name: riskScenarios.name,
  inherentLevel: riskScenarios.inherentLevel,
  currentLevel: riskScenarios.currentLevel,
  residualLevel: riskScenarios.residualLevel,
  treatment: riskScenarios.treatment,
  updatedAt: riskScenarios.updatedAt,
};

function sortParts(sort: ScenarioSort, descending: boolean, cursor: Cursor | null) {
  if (sort === 'refId') {
    const key = textKey(riskScenarios.refId);
    return {
      where: keysetWhere(key, riskScenarios.id, descending, cursor),
      order: keysetOrderBy(key, riskScenarios.id, descending),
      cursorValue: sortCursorColumn(key),
    };
  }
  const column = plainSortColumns[sort];
  return {
    where: keysetAfter(column, riskScenarios.id, descending, cursor),
    order: keysetOrder(column, riskScenarios.id, descending),
    cursorValue: sql<string>`${column}::text`,
  };
}

const ratingColumns = {
  inherent: {
    probability: riskScenarios.inherentProbability,
    impact: riskScenarios.inherentImpact,
    level: riskScenarios.inherentLevel,
  },
  current: {
    probability: riskScenarios.currentProbability,
    impact: riskScenarios.currentImpact,
    level: riskScenarios.currentLevel,
  },
  residual: {
    probability: riskScenarios.residualProbability,
    impact: riskScenarios.residualImpact,
    level: riskScenarios.residualLevel,
  },
};

export interface ScenarioFilters {
  q?: string;
  riskAssessmentId?: string;
  folderId?: string;
  treatment?: ScenarioRow['treatment'];
  ownerId?: string;
  assetId?: string;
  threatId?: string;
  appliedControlId?: string;
  flagged?: 'true' | 'false';
  ratingKind: RatingKind;
  probability?: number;
  impact?: number;
  level?: number;
}

const linkedTo = (table: SQL, column: string, value: string) =>
  sql`${riskScenarios.id} in (select l.risk_scenario_id from ${table} l where l.${sql.raw(column)} = ${value})`;

export function listScenarios(
  db: DbOrTx,
  params: ScenarioFilters & {
    organizationId: string;
    visible: SQL;
    today: string;
    sort: ScenarioSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const { where: after, order, cursorValue } = sortParts(params.sort, params.descending, params.cursor);
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const rating = ratingColumns[params.ratingKind];
  const flagged = flaggedSql(params.today);
  return db
    .select({
      row: riskScenarios,
      assessmentName: riskAssessments.name,
      assessmentStatus: riskAssessments.status,
      riskMatrixId: riskAssessments.riskMatrixId,
      sortCursor: cursorValue,
    })
    .from(riskScenarios)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
    .where(
      and(
        eq(riskScenarios.organizationId, params.organizationId),
        inArray(riskScenarios.folderId, params.visible),
        like
          ? or(
              ilike(riskScenarios.name, like),
              ilike(riskScenarios.refId, like),
              ilike(riskScenarios.description, like),
            )
          : undefined,
        params.riskAssessmentId ? eq(riskScenarios.riskAssessmentId, params.riskAssessmentId) : undefined,
        params.folderId
          ? inArray(riskScenarios.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        params.treatment ? eq(riskScenarios.treatment, params.treatment) : undefined,
        params.ownerId ? eq(riskScenarios.ownerId, params.ownerId) : undefined,
        params.assetId ? linkedTo(sql`${riskScenarioAssets}`, 'asset_id', params.assetId) : undefined,
        params.threatId ? linkedTo(sql`${riskScenarioThreats}`, 'threat_id', params.threatId) : undefined,
        params.appliedControlId
          ? linkedTo(sql`${riskScenarioControls}`, 'applied_control_id', params.appliedControlId)
          : undefined,
        params.flagged === 'true' ? flagged : params.flagged === 'false' ? sql`not ${flagged}` : undefined,
        params.probability !== undefined ? eq(rating.probability, params.probability) : undefined,
        params.impact !== undefined ? eq(rating.impact, params.impact) : undefined,
        params.level !== undefined ? eq(rating.level, params.level) : undefined,
        after,
      ),
    )
    .orderBy(...order)
    .limit(params.limit + 1);
}

/**
 * What a list shows beside each row, for the rows of one page only: folder path (abilities), owner, the flag
 * and the link counts. The correlated counts run for these few ids, never for the whole register.
 */
export const pageExtras = (
  db: DbOrTx,
  ids: string[],
  today: string,
  // Counts name no object the caller cannot read: folder ids where they read assets, threats, applied controls.
  visible: LinkVisibility,
) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: riskScenarios.id,
          folderPath: folders.path,
          ownerId: users.id,
          ownerName: users.displayName,
          ownerEmail: users.email,
          flagged: flaggedSql(today),
          ...linkCountFields(visible),
        })
        .from(riskScenarios)
        .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
        .innerJoin(folders, eq(folders.id, riskScenarios.folderId))
        .leftJoin(users, eq(users.id, riskScenarios.ownerId))
        .where(inArray(riskScenarios.id, ids));
export type PageExtra = Awaited<ReturnType<typeof pageExtras>>[number];

/** One scenario with its assessment (status, matrix, tolerance) and folder path. */
export const findScenario = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({ row: riskScenarios, assessment: riskAssessments, folderPath: folders.path })
      .from(riskScenarios)
      .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
      .innerJoin(folders, eq(folders.id, riskScenarios.folderId))
      .where(and(eq(riskScenarios.id, id), eq(riskScenarios.organizationId, organizationId)))
  )[0] ?? null;
export type ScenarioWithAssessment = NonNullable<Awaited<ReturnType<typeof findScenario>>>;

/** The link rows of one scenario, by kind. */
export async function linksOf(db: DbOrTx, scenarioId: string) {
  const [threatRows, assetRows, controlRows] = [
    await db
      .select({ id: riskScenarioThreats.threatId })
      .from(riskScenarioThreats)
      .where(eq(riskScenarioThreats.riskScenarioId, scenarioId)),
    await db
      .select({ id: riskScenarioAssets.assetId })
      .from(riskScenarioAssets)
      .where(eq(riskScenarioAssets.riskScenarioId, scenarioId)),
    await db
      .select({ id: riskScenarioControls.appliedControlId, kind: riskScenarioControls.kind })
      .from(riskScenarioControls)
      .where(eq(riskScenarioControls.riskScenarioId, scenarioId)),
  ];
  return {
    threats: threatRows.map((r) => r.id),
    assets: assetRows.map((r) => r.id),
    existingControls: controlRows.filter((r) => r.kind === 'existing').map((r) => r.id),
    plannedControls: controlRows.filter((r) => r.kind === 'planned').map((r) => r.id),
  };
}
