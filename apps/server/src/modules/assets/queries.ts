import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { folders as foldersTable, subtreeOf } from '../folders/index.js';
import { users as usersTable } from '../users/index.js';
import { assetDependencies, assetOwners, assets } from './tables.js';

export type AssetRow = typeof assets.$inferSelect;

/**
 * Sort keys. The NOT NULL columns are compared as plain `(column, id)` rows so `(organization_id, name, id)` serves
 * the default order straight from the index; the nullable ref id needs the null-aware key. The cursor value is
 * the column as text, selected by the database, so timestamps keep their microseconds.
 */
interface PlainKey {
  kind: 'plain';
  column: AnyPgColumn;
  type: 'text' | 'timestamptz';
}
type AssetSortKey = PlainKey | (SortKey & { kind: 'nullable' });
const sortKeys = {
  name: { kind: 'plain', column: assets.name, type: 'text' },
  type: { kind: 'plain', column: assets.type, type: 'text' },
  updatedAt: { kind: 'plain', column: assets.updatedAt, type: 'timestamptz' },
  refId: { kind: 'nullable', ...textKey(assets.refId) },
} satisfies Record<string, AssetSortKey>;
export type AssetSort = keyof typeof sortKeys;

function cursorColumn(key: AssetSortKey) {
  return key.kind === 'plain' ? sql<string>`${key.column}::text` : sortCursorColumn(key);
}
function orderBy(key: AssetSortKey, descending: boolean) {
  if (key.kind === 'nullable') return keysetOrderBy(key, assets.id, descending);
  const direction = sql.raw(descending ? 'desc' : 'asc');
  return [sql`${key.column} ${direction}`, sql`${assets.id} ${direction}`];
}
function after(key: AssetSortKey, descending: boolean, cursor: Cursor | null) {
  if (key.kind === 'nullable') return keysetWhere(key, assets.id, descending, cursor);
  if (!cursor) return undefined;
  const value = sql`cast(${String(cursor.v ?? '')}::text as ${sql.raw(key.type)})`;
  const id = sql`cast(${cursor.id}::text as uuid)`;
  return descending
    ? sql`(${key.column}, ${assets.id}) < (${value}, ${id})`
    : sql`(${key.column}, ${assets.id}) > (${value}, ${id})`;
}

/** The row with its folder path and the number of readable assets on either side of its edges. */
const withCounts = (visible: SQL) => ({
  row: assets,
  folderPath: foldersTable.path,
  supportsCount: sql<number>`(select count(*)::int from ${assetDependencies} d
    join ${assets} o on o.id = d.supported_asset_id
    where d.supporting_asset_id = ${assets.id} and o.folder_id in ${visible})`,
  supportedByCount: sql<number>`(select count(*)::int from ${assetDependencies} d
    join ${assets} o on o.id = d.supporting_asset_id
    where d.supported_asset_id = ${assets.id} and o.folder_id in ${visible})`,
});

export function listAssets(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    type?: AssetRow['type'];
    category?: NonNullable<AssetRow['category']>;
    folderId?: string;
    ownerId?: string;
    tag?: string;
    supportsAssetId?: string;
    sort: AssetSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key: AssetSortKey = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  // The counts are not selected here: with a sort the database would compute them for every matching row
  // before cutting the page. `countsOf` computes them for the page's rows only.
  return db
    .select({ row: assets, folderPath: foldersTable.path, sortCursor: cursorColumn(key) })
    .from(assets)
    .innerJoin(foldersTable, eq(foldersTable.id, assets.folderId))
    .where(
      and(
        eq(assets.organizationId, params.organizationId),
        inArray(assets.folderId, params.visible),
        like ? or(ilike(assets.name, like), ilike(assets.refId, like), ilike(assets.description, like)) : undefined,
        params.type ? eq(assets.type, params.type) : undefined,
        params.category ? eq(assets.category, params.category) : undefined,
        params.folderId ? inArray(assets.folderId, subtreeOf(params.organizationId, params.folderId)) : undefined,
        params.ownerId
          ? sql`${assets.id} in (select o.asset_id from ${assetOwners} o where o.user_id = ${params.ownerId})`
          : undefined,
        // `@>` on the array is what the GIN index on tags serves.
        params.tag ? sql`${assets.tags} @> array[${params.tag}]::text[]` : undefined,
        params.supportsAssetId
          ? sql`${assets.id} in (select d.supporting_asset_id from ${assetDependencies} d
                 where d.supported_asset_id = ${params.supportsAssetId})`
          : undefined,
        after(key, params.descending, params.cursor),
      ),
    )
    .orderBy(...orderBy(key, params.descending))
    .limit(params.limit + 1);
}

/** Readable neighbours on either side of each of `ids` (a list page), in one query. */
export async function countsOf(db: DbOrTx, ids: string[], visible: SQL) {
  if (ids.length === 0) return new Map<string, { supportsCount: number; supportedByCount: number }>();
  const { row: _row, folderPath: _path, ...counts } = withCounts(visible);
  const rows = await db
    .select({ id: assets.id, ...counts })
    .from(assets)
    // The join makes Drizzle qualify `assets.id` inside the subqueries (a one-table select leaves it bare, and a
    // bare "id" there would mean the inner alias's).
    .innerJoin(foldersTable, eq(foldersTable.id, assets.folderId))
    .where(inArray(assets.id, ids));
  return new Map(rows.map((r) => [r.id, { supportsCount: r.supportsCount, supportedByCount: r.supportedByCount }]));
}

export const findAsset = async (db: DbOrTx, organizationId: string, id: string, visible: SQL) =>
  (
    await db
      .select(withCounts(visible))
      .from(assets)
      .innerJoin(foldersTable, eq(foldersTable.id, assets.folderId))
      .where(and(eq(assets.id, id), eq(assets.organizationId, organizationId)))
  )[0] ?? null;
export type AssetWithCounts = NonNullable<Awaited<ReturnType<typeof findAsset>>>;

/** Owners of several assets in one query (a list page). */
export const ownersOf = (db: DbOrTx, assetIds: string[]) =>
  assetIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          assetId: assetOwners.assetId,
          id: usersTable.id,
          displayName: usersTable.displayName,
          email: usersTable.email,
        })
        .from(assetOwners)
        .innerJoin(usersTable, eq(usersTable.id, assetOwners.userId))
        .where(inArray(assetOwners.assetId, assetIds))
        .orderBy(usersTable.displayName, usersTable.id);

export async function replaceOwners(db: DbOrTx, assetId: string, userIds: string[]) {
  await db.delete(assetOwners).where(eq(assetOwners.assetId, assetId));
  if (userIds.length > 0) {
    await db.insert(assetOwners).values(userIds.map((userId) => ({ assetId, userId })));
  }
}

export const countAssetsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(assets).where(eq(assets.folderId, folderId)))[0]?.n ?? 0,
  );
