import { and, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { folders } from './tables.js';

export type FolderRow = typeof folders.$inferSelect;

const sortColumns = { name: folders.name, createdAt: folders.createdAt, depth: folders.depth } as const;
export type FolderSort = keyof typeof sortColumns;

export async function listFolders(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    parentId?: string;
    q?: string;
    sort: FolderSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const column = sortColumns[params.sort];
  return db
    .select()
    .from(folders)
    .where(
      and(
        eq(folders.organizationId, params.organizationId),
        inArray(folders.id, params.visible),
        params.parentId ? eq(folders.parentId, params.parentId) : undefined,
        params.q ? ilike(folders.name, `%${escapeLike(params.q)}%`) : undefined,
        keysetAfter(column, folders.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(column, folders.id, params.descending))
    .limit(params.limit + 1);
}

/** Every visible folder, ordered so parents come before children (the UI builds its tree from this). */
export const listVisibleTree = (db: DbOrTx, organizationId: string, visible: SQL) =>
  db
    .select()
    .from(folders)
    .where(and(eq(folders.organizationId, organizationId), inArray(folders.id, visible)))
    .orderBy(folders.depth, sql`lower(${folders.name})`, folders.id)
    .limit(10_000);

export const findFolder = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select()
      .from(folders)
      .where(and(eq(folders.id, id), eq(folders.organizationId, organizationId)))
  )[0] ?? null;

export const findRootFolder = async (db: DbOrTx, organizationId: string) =>
  (
    await db
      .select()
      .from(folders)
      .where(and(eq(folders.organizationId, organizationId), isNull(folders.parentId)))
  )[0] ?? null;

export const countChildren = async (db: DbOrTx, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(folders).where(eq(folders.parentId, folderId)))[0]?.n ?? 0,
  );

/** Moves a subtree: rewrites the path prefix and shifts the depth of the folder and all its descendants. */
export async function moveSubtree(
  db: DbOrTx,
  params: { organizationId: string; oldPath: string; newPath: string; depthDelta: number },
) {
  await db
    .update(folders)
    .set({
      path: sql`${params.newPath} || substr(${folders.path}, ${params.oldPath.length + 1})`,
      depth: sql`${folders.depth} + ${params.depthDelta}`,
    })
    .where(
      and(eq(folders.organizationId, params.organizationId), sql`starts_with(${folders.path}, ${params.oldPath})`),
    );
}
