import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import type { SecurityObjectives } from './tables.js';
import { assetDependencies, assets } from './tables.js';

/**
 * Serialises every change of one organisation's dependency graph: the cycle check reads the graph, then the
 * write changes it, and two transactions each adding half of a cycle would both pass their check without it.
 * A transaction-scoped advisory lock works the same on PostgreSQL and PGlite and frees itself at commit.
 */
export async function lockGraph(tx: DbOrTx, organizationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rampart.asset-graph:${organizationId}`}))`);
}

/** One edge of the part of the graph reachable upwards ("supports", transitively) from a start asset. */
export interface ReachEdge {
  /** The supported asset reached. */
  id: string;
  /** The asset that supports it on this edge. */
  via: string;
  name: string;
  securityObjectives: SecurityObjectives;
  readable: boolean;
}

/**
 * Every edge reachable from `assetId` following "supports" (what it supports, what those support, …) with the
 * reached asset's name and objectives, in one recursive query. `union` (not `union all`) keeps each edge once,
 * so the walk is linear in the edges and ends even on a cycle; paths are rebuilt in memory from the edges.
 */
export async function reachableEdges(db: DbOrTx, assetId: string, visible: SQL): Promise<ReachEdge[]> {
  const rows = await selectRows<{
    id: string;
    via: string;
    name: string;
    security_objectives: SecurityObjectives;
    readable: boolean;
  }>(
    db,
    sql`with recursive reach(id, via) as (
          select d.supported_asset_id, d.supporting_asset_id from ${assetDependencies} d
            where d.supporting_asset_id = ${assetId}
          union
          select d.supported_asset_id, d.supporting_asset_id from ${assetDependencies} d
            join reach r on d.supporting_asset_id = r.id
        )
        select r.id, r.via, a.name, a.security_objectives, (a.folder_id in ${visible}) as readable
        from reach r join ${assets} a on a.id = r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    via: r.via,
    name: r.name,
    securityObjectives: r.security_objectives ?? {},
    readable: Boolean(r.readable),
  }));
}

/** The shortest path from `start` to `target` over reached edges (ids, both ends included), or null. */
export function pathTo(start: string, target: string, edges: Pick<ReachEdge, 'id' | 'via'>[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.via, [...(next.get(e.via) ?? []), e.id]);
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const n of next.get(current) ?? []) {
      if (n === target) {
        const path = [n];
        let at: string | undefined = current;
        while (at !== undefined) {
          path.unshift(at);
          at = at === start ? undefined : previous.get(at);
        }
        return path;
      }
      if (seen.has(n)) continue;
      seen.add(n);
      previous.set(n, current);
      queue.push(n);
    }
  }
  return null;
}

export const supportedIdsOf = async (db: DbOrTx, assetId: string) =>
  (
    await db
      .select({ id: assetDependencies.supportedAssetId })
      .from(assetDependencies)
      .where(eq(assetDependencies.supportingAssetId, assetId))
  ).map((r) => r.id);

export async function addEdges(db: DbOrTx, supportingAssetId: string, supportedIds: string[]) {
  if (supportedIds.length === 0) return;
  await db
    .insert(assetDependencies)
    .values(supportedIds.map((supportedAssetId) => ({ supportingAssetId, supportedAssetId })))
    .onConflictDoNothing();
}

export async function removeEdges(db: DbOrTx, supportingAssetId: string, supportedIds: string[]) {
  if (supportedIds.length === 0) return;
  await db
    .delete(assetDependencies)
    .where(
      and(
        eq(assetDependencies.supportingAssetId, supportingAssetId),
        inArray(assetDependencies.supportedAssetId, supportedIds),
      ),
    );
}

const linkedColumns = {
  id: assets.id,
  refId: assets.refId,
  name: assets.name,
  type: assets.type,
  category: assets.category,
};

/** The readable assets `assetId` supports, and those supporting it. */
export async function neighboursOf(db: DbOrTx, assetId: string, visible: SQL) {
  const supports = await db
    .select(linkedColumns)
    .from(assetDependencies)
    .innerJoin(assets, eq(assets.id, assetDependencies.supportedAssetId))
    .where(and(eq(assetDependencies.supportingAssetId, assetId), inArray(assets.folderId, visible)))
    .orderBy(asc(assets.name), asc(assets.id))
    .limit(5000);
  const supportedBy = await db
    .select(linkedColumns)
    .from(assetDependencies)
    .innerJoin(assets, eq(assets.id, assetDependencies.supportingAssetId))
    .where(and(eq(assetDependencies.supportedAssetId, assetId), inArray(assets.folderId, visible)))
    .orderBy(asc(assets.name), asc(assets.id))
    .limit(5000);
  return { supports, supportedBy };
}

/** Assets of the organisation among `ids` with the fields a link needs, scoped to the readable folders. */
export const readableAssetsAmong = (db: DbOrTx, organizationId: string, ids: string[], visible: SQL) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: assets.id, name: assets.name, type: assets.type })
        .from(assets)
        .where(
          and(eq(assets.organizationId, organizationId), inArray(assets.id, ids), inArray(assets.folderId, visible)),
        );

export const countSupported = async (db: DbOrTx, assetId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(assetDependencies)
        .where(eq(assetDependencies.supportingAssetId, assetId))
    )[0]?.n ?? 0,
  );
