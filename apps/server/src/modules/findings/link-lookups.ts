import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// Owned by the assets module.
import { assets } from '../assets/index.js';
// Owned by the controls module.
import { appliedControls } from '../controls/index.js';
import { folders } from '../folders/index.js';
// Owned by the risk-assessments module.
import { riskScenarios } from '../risk-assessments/index.js';
import { findingAssets, findingControls, findingScenarios } from './tables.js';

/**
 * Read-only lookups into the tables a finding links to: which of some ids exist in the organisation (with their
 * folder path, for the caller's read check), and the linked rows the caller may read for a detail page.
 */
const targetTables = {
  assets: { table: assets, permission: 'asset:read' },
  appliedControls: { table: appliedControls, permission: 'applied_control:read' },
  riskScenarios: { table: riskScenarios, permission: 'risk_scenario:read' },
} as const;
export type LinkTarget = keyof typeof targetTables;
export const targetPermission = (target: LinkTarget) => targetTables[target].permission;

/** `ids` of the organisation's `target` rows, each with its folder path. */
export async function targetsWithPaths(db: DbOrTx, target: LinkTarget, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const { table } = targetTables[target];
  return db
    .select({ id: table.id, folderPath: folders.path })
    .from(table)
    .innerJoin(folders, eq(folders.id, table.folderId))
    .where(and(inArray(table.id, ids), eq(table.organizationId, organizationId)));
}

export const assetsByIds = (db: DbOrTx, ids: SQL, visible: SQL) =>
  db
    .select({ id: assets.id, refId: assets.refId, name: assets.name })
    .from(assets)
    .where(and(inArray(assets.id, ids), inArray(assets.folderId, visible)))
    .orderBy(assets.name, assets.id)
    .limit(5000);

export const controlsByIds = (db: DbOrTx, ids: SQL, visible: SQL) =>
  db
    .select({
      id: appliedControls.id,
      refId: appliedControls.refId,
      name: appliedControls.name,
      status: appliedControls.status,
    })
    .from(appliedControls)
    .where(and(inArray(appliedControls.id, ids), inArray(appliedControls.folderId, visible)))
    .orderBy(appliedControls.name, appliedControls.id)
    .limit(5000);

export const scenariosByIds = (db: DbOrTx, ids: SQL, visible: SQL) =>
  db
    .select({ id: riskScenarios.id, refId: riskScenarios.refId, name: riskScenarios.name })
    .from(riskScenarios)
    .where(and(inArray(riskScenarios.id, ids), inArray(riskScenarios.folderId, visible)))
    .orderBy(riskScenarios.name, riskScenarios.id)
    .limit(5000);

/**
 * Link counts of a finding as select fields, counting only the linked objects the caller may read, so a count
 * never reveals objects outside their folders (the detail lists exactly those).
 */
export const linkCountFields = (findingId: SQL, visible: Record<LinkTarget, SQL>) => ({
  assetCount: sql<number>`(select count(*)::int from ${findingAssets} l join ${assets} t on t.id = l.asset_id
    where l.finding_id = ${findingId} and t.folder_id in ${visible.assets})`,
  appliedControlCount: sql<number>`(select count(*)::int from ${findingControls} l
    join ${appliedControls} t on t.id = l.applied_control_id
    where l.finding_id = ${findingId} and t.folder_id in ${visible.appliedControls})`,
  riskScenarioCount: sql<number>`(select count(*)::int from ${findingScenarios} l
    join ${riskScenarios} t on t.id = l.risk_scenario_id
    where l.finding_id = ${findingId} and t.folder_id in ${visible.riskScenarios})`,
});
