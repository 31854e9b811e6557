import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, type FieldError, invalid } from '../../platform/errors.js';
import { encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  recordAudit,
  setChange,
  updateAudited,
} from '../audit/index.js';
import { folderById } from '../folders/index.js';
import type { AssetDto, CreateAssetInput, UpdateAssetInput } from './contracts.js';
import { countSupported, lockGraph, neighboursOf, reachableEdges } from './graph-queries.js';
import { effectiveObjectives } from './inheritance.js';
import { categoryProblems, type ObjectiveSettings, objectiveProblems, recoveryProblems } from './objective-rules.js';
import { type Person, toAssetSummary } from './presenter.js';
import * as q from './queries.js';
import { loadObjectiveSettings } from './settings-service.js';
import { assets, type SecurityObjectives } from './tables.js';
import { assetDeletion } from './usage.js';

type ListParams = Omit<Parameters<typeof q.listAssets>[1], 'organizationId' | 'visible' | 'sort' | 'descending'> & {
  sort: string;
};

/** The rules on an asset's merged values (a PATCH of one field is checked with the stored others). */
export function assetFieldProblems(
  values: {
    type: string;
    category?: string | null;
    securityObjectives?: SecurityObjectives;
    rtoMinutes?: number | null;
    mtdMinutes?: number | null;
  },
  settings: ObjectiveSettings,
): FieldError[] {
  return [
    ...categoryProblems(values.type, values.category),
    ...objectiveProblems(values.securityObjectives ?? {}, settings),
    ...recoveryProblems(values),
  ];
}

export async function checkOwners(db: DbOrTx, organizationId: string, ownerIds: string[] | undefined) {
  if (!ownerIds) return undefined;
  const unique = [...new Set(ownerIds)];
  const members = await peopleAmong(db, organizationId, unique);
  const strangers = unique.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw invalid('body.ownerIds', `Not members of the organisation: ${strangers.join(', ')}`);
  }
  return unique;
}

/** Loads an asset the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableAsset(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findAsset(db, access.organizationId, id, access.visibleFolderIds('asset:read')),
    access,
    'asset:read',
    'Asset',
  );
}

export const auditableAsset = (row: q.AssetRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export async function ownersByAsset(db: DbOrTx, ids: string[]) {
  const map = new Map<string, Person[]>();
  for (const owner of await q.ownersOf(db, ids)) {
    const list = map.get(owner.assetId) ?? [];
    list.push(owner);
    map.set(owner.assetId, list);
  }
  return map;
}

/** The asset as GET answers it: owners, neighbours, and the effective objectives with their explanation. */
export async function assetDetail(db: DbOrTx, access: Access, id: string): Promise<AssetDto> {
  const found = await loadReadableAsset(db, access, id);
  const visible = access.visibleFolderIds('asset:read');
  const owners = await ownersByAsset(db, [id]);
  const settings = await loadObjectiveSettings(db, access.organizationId);
  const edges = await reachableEdges(db, id, visible);
  const { supports, supportedBy } = await neighboursOf(db, id, visible);
  return {
    ...toAssetSummary(found, owners.get(id) ?? [], access),
    effectiveObjectives: effectiveObjectives(found.row, settings.enabledObjectives, edges),
    supports,
    supportedBy,
  };
}

/** Replaces the asset's owners and says what changed, for its audit event. */
async function replaceOwners(tx: DbOrTx, id: string, ownerIds: string[]) {
  const previous = (await q.ownersOf(tx, [id])).map((o) => o.id);
  await q.replaceOwners(tx, id, ownerIds);
  return setChange('ownerIds', previous, ownerIds);
}

export function createAssetService(deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = readableOr404(
      await folderById(tx, access.organizationId, folderId),
      access,
      'folder:read',
      'Folder',
      (found) => found.path,
    );
    access.require('asset:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  const refuse = (problems: FieldError[]) => {
    if (problems.length > 0) throw new AppError('validation_failed', 'The request is not valid', problems);
  };

  return {
    detail: (access: Access, id: string) => assetDetail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.AssetSort>(params.sort);
      const rows = await q.listAssets(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('asset:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const ids = items.map((r) => r.row.id);
      const owners = await ownersByAsset(db, ids);
      const counts = await q.countsOf(db, ids, access.visibleFolderIds('asset:read'));
      const last = items[items.length - 1];
      const withCounts = (r: (typeof items)[number]) => ({
        ...r,
        ...(counts.get(r.row.id) ?? { supportsCount: 0, supportedByCount: 0 }),
      });
      return {
        items: items.map((r) => toAssetSummary(withCounts(r), owners.get(r.row.id) ?? [], access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateAssetInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        refuse(assetFieldProblems(input, await loadObjectiveSettings(tx, access.organizationId)));
        const ownerIds = await checkOwners(tx, access.organizationId, input.ownerIds);
        const { ownerIds: _owners, ...fields } = input;
        const [row] = await tx
          .insert(assets)
          .values({ ...fields, tags: dedupe(fields.tags), organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        if (ownerIds) await q.replaceOwners(tx, row.id, ownerIds);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'asset.created',
          objectType: 'asset',
          objectId: row.id,
          changes: createdFields({ ...auditableAsset(row), ownerIds }),
        });
        return assetDetail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateAssetInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableAsset(tx, access, id);
        access.require('asset:update', before.folderPath, 'asset:read', 'Asset');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        const merged = { ...before.row, ...stripUndefined(input) };
        refuse(assetFieldProblems(merged, await loadObjectiveSettings(tx, access.organizationId)));
        if (merged.type === 'primary' && before.row.type !== 'primary') {
          // Under the graph lock, as link changes are: a "supports" edge added meanwhile would outlive the check.
          await lockGraph(tx, access.organizationId);
          const supported = await countSupported(tx, id);
          if (supported > 0) {
            throw invalid(
              'body.type',
              `A primary asset supports nothing, and this one supports ${supported} asset(s); remove those links first`,
            );
          }
        }
        const ownerIds = await checkOwners(tx, access.organizationId, input.ownerIds);
        const { ownerIds: _owners, ...fields } = input;
        // Owners first: a stale version throws below and the whole transaction, owners included, rolls back.
        const ownerChange = ownerIds ? await replaceOwners(tx, id, ownerIds) : {};
        await updateAudited(tx, audit, {
          table: assets,
          id,
          version,
          set: { ...fields, ...(fields.tags ? { tags: dedupe(fields.tags) } : {}) },
          before: before.row,
          auditable: auditableAsset,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: 'asset.updated',
            objectType: 'asset',
          }),
          moreChanges: ownerChange,
        });
        return assetDetail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableAsset(tx, access, id);
        access.require('asset:delete', found.folderPath, 'asset:read', 'Asset');
        await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, id)).for('update');
        await deps.usage.askInTurn(assetDeletion, { tx, access, id });
        await deleteAudited(tx, audit, {
          table: assets,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'asset.deleted',
            objectType: 'asset',
          },
          changes: { name: { before: found.row.name }, refId: { before: found.row.refId } },
        });
      });
    },
  };
}

/** Tags keep their first spelling and order; a repeated tag is dropped. */
export const dedupe = (tags: string[] | undefined) => (tags ? [...new Set(tags)] : undefined);

const stripUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export type AssetService = ReturnType<typeof createAssetService>;
