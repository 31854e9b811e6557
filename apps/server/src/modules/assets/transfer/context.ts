import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Access } from '../../access/index.js';
import { peopleOf } from '../../access/index.js';
import { foldersOf, folders as foldersTable } from '../../folders/index.js';
import type { ObjectiveSettings } from '../objective-rules.js';
import { loadObjectiveSettings } from '../settings-service.js';
import { assetDependencies, assetOwners, assets, type SecurityObjectives } from '../tables.js';

export interface ExistingAsset {
  id: string;
  refId: string | null;
  name: string;
  folderId: string;
  folderPath: string;
  type: 'primary' | 'supporting';
  category: string | null;
  description: string | null;
  businessValue: string | null;
  securityObjectives: SecurityObjectives;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  mtdMinutes: number | null;
  tags: string[];
  ownerIds: string[];
  /** Readable assets it supports. */
  supports: string[];
}

export interface FolderEntry {
  id: string;
  /** The id path (`/root/child/`) permissions are checked on. */
  path: string;
  /** Names from the root, joined with "/" (e.g. "Acme/IT"). */
  namePath: string;
}

/** Everything an import plan or an export reads, loaded in a constant number of queries. */
export interface TransferContext {
  assets: ExistingAsset[];
  /** Every edge of the organisation's graph (readable or not): cycles do not stop at folder boundaries. */
  edges: { from: string; to: string }[];
  folders: FolderEntry[];
  rootFolderId: string;
  members: { id: string; email: string }[];
  settings: ObjectiveSettings;
}

export async function loadTransferContext(db: DbOrTx, access: Access): Promise<TransferContext> {
  const organizationId = access.organizationId;
  const visible = access.visibleFolderIds('asset:read');
  const rows = await db
    .select({ row: assets, folderPath: foldersTable.path })
    .from(assets)
    .innerJoin(foldersTable, eq(foldersTable.id, assets.folderId))
    .where(and(eq(assets.organizationId, organizationId), inArray(assets.folderId, visible)))
    .orderBy(assets.name, assets.id);
  const owners = await db
    .select({ assetId: assetOwners.assetId, userId: assetOwners.userId })
    .from(assetOwners)
    .innerJoin(assets, eq(assets.id, assetOwners.assetId))
    .where(eq(assets.organizationId, organizationId));
  const edges = await db
    .select({ from: assetDependencies.supportingAssetId, to: assetDependencies.supportedAssetId })
    .from(assetDependencies)
    .innerJoin(assets, eq(assets.id, assetDependencies.supportingAssetId))
    .where(sql`${assets.organizationId} = ${organizationId}`);
  const readable = new Set(rows.map((r) => r.row.id));
  const ownersOf = new Map<string, string[]>();
  for (const o of owners) ownersOf.set(o.assetId, [...(ownersOf.get(o.assetId) ?? []), o.userId]);
  const supportsOf = new Map<string, string[]>();
  for (const e of edges) if (readable.has(e.to)) supportsOf.set(e.from, [...(supportsOf.get(e.from) ?? []), e.to]);

  const folderRows = await foldersOf(db, organizationId);
  const byId = new Map(folderRows.map((f) => [f.id, f]));
  const namePath = (id: string): string => {
    const names: string[] = [];
    for (let f = byId.get(id); f; f = f.parentId ? byId.get(f.parentId) : undefined) names.unshift(f.name);
    return names.join('/');
  };
  const root = folderRows.find((f) => f.parentId === null);
  if (!root) throw new Error('organisation without a root folder');

  return {
    assets: rows.map(({ row, folderPath }) => ({
      id: row.id,
      refId: row.refId,
      name: row.name,
      folderId: row.folderId,
      folderPath,
      type: row.type,
      category: row.category,
      description: row.description,
      businessValue: row.businessValue,
      securityObjectives: row.securityObjectives ?? {},
      rtoMinutes: row.rtoMinutes,
      rpoMinutes: row.rpoMinutes,
      mtdMinutes: row.mtdMinutes,
      tags: row.tags,
      ownerIds: ownersOf.get(row.id) ?? [],
      supports: supportsOf.get(row.id) ?? [],
    })),
    edges,
    folders: folderRows.map((f) => ({ id: f.id, path: f.path, namePath: namePath(f.id) })),
    rootFolderId: root.id,
    members: (await peopleOf(db, organizationId)).map((m) => ({ id: m.id, email: m.email })),
    settings: await loadObjectiveSettings(db, organizationId),
  };
}
