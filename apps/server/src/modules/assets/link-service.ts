import type { SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import {
  addEdges,
  lockGraph,
  pathTo,
  reachableEdges,
  readableAssetsAmong,
  removeEdges,
  supportedIdsOf,
} from './graph-queries.js';
import { loadReadableAsset } from './service.js';

/**
 * After `assetId`'s edges changed, a new cycle can only pass through `assetId` (all new edges leave it), so one
 * walk from it tells: if it reaches itself, the change is refused with the cycle spelled out. Names of assets
 * the caller cannot read are not revealed.
 */
export async function refuseCycleThrough(tx: DbOrTx, assetId: string, visible: SQL, field = 'body.supportedAssetIds') {
  const edges = await reachableEdges(tx, assetId, visible);
  if (!edges.some((e) => e.id === assetId)) return;
  const path = pathTo(assetId, assetId, edges) ?? [assetId, assetId];
  const names = new Map(edges.map((e) => [e.id, e.readable ? e.name : 'an asset you cannot see']));
  const spelled = path.map((id) => names.get(id) ?? id).join(' → ');
  throw new AppError('conflict', `This would create a dependency cycle: ${spelled}`, [
    { field, message: `Cycle: ${spelled}` },
  ]);
}

/**
 * "Supports" edges leaving an asset. They are a sub-resource like the controls module's links: changing them
 * needs asset:update on the supporting asset, no version, and each change is one `asset.dependencies_changed`
 * event listing what was added and removed. The organisation's graph is locked for the whole transaction so
 * two concurrent changes cannot close a cycle together.
 */
export function createAssetLinkService(deps: { db: Database }) {
  const { db } = deps;

  async function change(
    access: Access,
    audit: AuditContext,
    assetId: string,
    plan: (
      current: string[],
      linkable: (ids: string[]) => Promise<Set<string>>,
    ) => Promise<{ add: string[]; remove: string[] }>,
  ) {
    const visible = access.visibleFolderIds('asset:read');
    await db.transaction(async (tx) => {
      await lockGraph(tx, access.organizationId);
      const asset = await loadReadableAsset(tx, access, assetId);
      access.require('asset:update', asset.folderPath, 'asset:read', 'Asset');
      const current = await supportedIdsOf(tx, assetId);
      const linkable = async (ids: string[]) =>
        new Set((await readableAssetsAmong(tx, access.organizationId, ids, visible)).map((a) => a.id));
      const { add, remove } = await plan(current, linkable);
      if (add.length === 0 && remove.length === 0) return;
      if (add.length > 0 && asset.row.type === 'primary') {
        throw new AppError('conflict', `"${asset.row.name}" is a primary asset: a primary asset supports nothing`, [
          { field: 'body', message: 'A primary asset supports nothing; make it a supporting asset first' },
        ]);
      }
      if (add.includes(assetId)) throw invalid('body', 'An asset cannot support itself');
      await addEdges(tx, assetId, add);
      await removeEdges(tx, assetId, remove);
      if (add.length > 0) await refuseCycleThrough(tx, assetId, visible);
      await recordAudit(tx, audit, {
        organizationId: access.organizationId,
        folderId: asset.row.folderId,
        action: 'asset.dependencies_changed',
        objectType: 'asset',
        objectId: assetId,
        changes: { supportsAdded: add, supportsRemoved: remove },
      });
    });
  }

  return {
    /** Replaces what the asset supports. Edges to assets the caller cannot see are left alone. */
    replace(access: Access, audit: AuditContext, assetId: string, wanted: string[]) {
      return change(access, audit, assetId, async (current, linkable) => {
        const unique = [...new Set(wanted)];
        if (unique.includes(assetId)) throw invalid('body.supportedAssetIds', 'An asset cannot support itself');
        const allowed = await linkable(unique);
        const refused = unique.filter((id) => !allowed.has(id));
        if (refused.length > 0) throw notFound(`Asset ${refused.join(', ')}`);
        const visibleCurrent = await linkable(current);
        return {
          add: unique.filter((id) => !current.includes(id)),
          remove: current.filter((id) => visibleCurrent.has(id) && !unique.includes(id)),
        };
      });
    },

    add(access: Access, audit: AuditContext, assetId: string, targetId: string) {
      return change(access, audit, assetId, async (current, linkable) => {
        if (targetId === assetId) throw invalid('body.supportedAssetId', 'An asset cannot support itself');
        if (!(await linkable([targetId])).has(targetId)) throw notFound('Asset');
        return { add: current.includes(targetId) ? [] : [targetId], remove: [] };
      });
    },

    remove(access: Access, audit: AuditContext, assetId: string, targetId: string) {
      return change(access, audit, assetId, async (current, linkable) => {
        if (!current.includes(targetId) || !(await linkable([targetId])).has(targetId)) {
          throw notFound('Dependency');
        }
        return { add: [], remove: [targetId] };
      });
    },
  };
}
