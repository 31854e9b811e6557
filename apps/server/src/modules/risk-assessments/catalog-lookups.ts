import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
// Tables owned by other modules, read here for existence, scope and names only:
// assets (assets), applied_controls (controls), folders (folders), risk_matrices (risk-matrices), threats (threats).
import { assets } from '../assets/index.js';
import { appliedControls } from '../controls/index.js';
import { folders } from '../folders/index.js';
import { riskMatrices } from '../risk-matrices/index.js';
import { threats } from '../threats/index.js';
import { riskScenarioAssets, riskScenarioControls, riskScenarios, riskScenarioThreats } from './tables.js';

/** A matrix an organisation may rate on: a built-in one (no organisation) or its own. Null otherwise. */
export const usableMatrix = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({
        id: riskMatrices.id,
        urn: riskMatrices.urn,
        refId: riskMatrices.refId,
        name: riskMatrices.name,
        revision: riskMatrices.revision,
        definition: riskMatrices.definition,
        organizationId: riskMatrices.organizationId,
        folderPath: folders.path,
      })
      .from(riskMatrices)
      .leftJoin(folders, eq(folders.id, riskMatrices.folderId))
      .where(
        and(
          eq(riskMatrices.id, id),
          or(isNull(riskMatrices.organizationId), eq(riskMatrices.organizationId, organizationId)),
        ),
      )
  )[0] ?? null;
export type MatrixSummary = NonNullable<Awaited<ReturnType<typeof usableMatrix>>>;

/** Threats the caller may link: built-in ones, and the organisation's in folders where they may read threats. */
export async function readableThreatIds(db: DbOrTx, access: Access, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: threats.id, organizationId: threats.organizationId, path: folders.path })
    .from(threats)
    .leftJoin(folders, eq(folders.id, threats.folderId))
    .where(
      and(
        inArray(threats.id, ids),
        or(isNull(threats.organizationId), eq(threats.organizationId, access.organizationId)),
      ),
    );
  return new Set(
    rows
      .filter((r) => r.organizationId === null || (r.path ? access.can('threat:read', r.path) : true))
      .map((r) => r.id),
  );
}

export async function readableAssetIds(db: DbOrTx, access: Access, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: assets.id, path: folders.path })
    .from(assets)
    .innerJoin(folders, eq(folders.id, assets.folderId))
    .where(and(inArray(assets.id, ids), eq(assets.organizationId, access.organizationId)));
  return new Set(rows.filter((r) => access.can('asset:read', r.path)).map((r) => r.id));
}

export async function readableControlIds(db: DbOrTx, access: Access, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: appliedControls.id, path: folders.path })
    .from(appliedControls)
    .innerJoin(folders, eq(folders.id, appliedControls.folderId))
    .where(and(inArray(appliedControls.id, ids), eq(appliedControls.organizationId, access.organizationId)));
  return new Set(rows.filter((r) => access.can('applied_control:read', r.path)).map((r) => r.id));
}

/** Names of linked threats, assets and controls for a detail view, limited to what the caller may read. */
export const threatsByIds = (db: DbOrTx, organizationId: string, ids: string[], visible: SQL) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: threats.id, refId: threats.refId, name: threats.name, category: threats.category })
        .from(threats)
        .where(
          and(
            inArray(threats.id, ids),
            or(
              isNull(threats.organizationId),
              and(
                eq(threats.organizationId, organizationId),
                or(isNull(threats.folderId), inArray(threats.folderId, visible)),
              ),
            ),
          ),
        )
        .orderBy(threats.name, threats.id);

export const assetsByIds = (db: DbOrTx, organizationId: string, ids: string[], visible: SQL) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: assets.id, refId: assets.refId, name: assets.name, type: assets.type })
        .from(assets)
        .where(
          and(inArray(assets.id, ids), eq(assets.organizationId, organizationId), inArray(assets.folderId, visible)),
        )
        .orderBy(assets.name, assets.id);

export const controlsByIds = (db: DbOrTx, organizationId: string, ids: string[], visible: SQL) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: appliedControls.id,
          refId: appliedControls.refId,
          name: appliedControls.name,
          status: appliedControls.status,
          eta: appliedControls.eta,
        })
        .from(appliedControls)
        .where(
          and(
            inArray(appliedControls.id, ids),
            eq(appliedControls.organizationId, organizationId),
            inArray(appliedControls.folderId, visible),
          ),
        )
        .orderBy(appliedControls.name, appliedControls.id);

/** Folder ids where the caller reads assets, threats and applied controls (organisation threats), for counts. */
export interface LinkVisibility {
  organizationId: string;
  assets: SQL;
  threats: SQL;
  controls: SQL;
}

/**
 * A scenario's link counts as select fields (risk_scenarios in the FROM), counting only linked objects the caller
 * may read, as the detail lists them: a count never reveals objects outside their folders.
 */
export const linkCountFields = (visible: LinkVisibility) => ({
  assetCount: sql<number>`(select count(*)::int from ${riskScenarioAssets} x
    join ${assets} t on t.id = x.asset_id
    where x.risk_scenario_id = ${riskScenarios.id} and t.folder_id in ${visible.assets})`,
  threatCount: sql<number>`(select count(*)::int from ${riskScenarioThreats} x
    join ${threats} t on t.id = x.threat_id
    where x.risk_scenario_id = ${riskScenarios.id} and (t.organization_id is null
      or (t.organization_id = ${visible.organizationId} and (t.folder_id is null or t.folder_id in ${visible.threats}))))`,
  plannedControlCount: sql<number>`(select count(*)::int from ${riskScenarioControls} x
    join ${appliedControls} t on t.id = x.applied_control_id
    where x.risk_scenario_id = ${riskScenarios.id} and x.kind = 'planned' and t.folder_id in ${visible.controls})`,
});
