import { and, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
  timestampKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { folders, subtreeOf } from '../folders/index.js';
import type { ThreatCategory } from './catalogue.js';
import { threats } from './tables.js';

export type ThreatRow = typeof threats.$inferSelect;

const sortKeys = {
  name: textKey(threats.name),
  refId: textKey(threats.refId),
  updatedAt: timestampKey(threats.updatedAt),
} satisfies Record<string, SortKey>;
export type ThreatSort = keyof typeof sortKeys;

/** Built-in threats (no organisation) are visible to everyone; the organisation's own only in readable folders. */
export function listThreats(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    category?: ThreatCategory;
    source?: 'builtin' | 'organization';
    folderId?: string;
    sort: ThreatSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const own = and(eq(threats.organizationId, params.organizationId), inArray(threats.folderId, params.visible));
  const scope =
    params.source === 'builtin'
      ? isNull(threats.organizationId)
      : params.source === 'organization' || params.folderId
        ? own
        : or(isNull(threats.organizationId), own);
  return db
    .select({ row: threats, folderPath: folders.path, sortCursor: sortCursorColumn(key) })
    .from(threats)
    .leftJoin(folders, eq(folders.id, threats.folderId))
    .where(
      and(
        scope,
        like ? or(ilike(threats.name, like), ilike(threats.refId, like), ilike(threats.description, like)) : undefined,
        params.category ? eq(threats.category, params.category) : undefined,
        params.folderId ? inArray(threats.folderId, subtreeOf(params.organizationId, params.folderId)) : undefined,
        keysetWhere(key, threats.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, threats.id, params.descending))
    .limit(params.limit + 1);
}

/** A built-in threat or one of the organisation's, with its folder path (null for built-ins). */
export const findThreat = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({ row: threats, folderPath: folders.path })
      .from(threats)
      .leftJoin(folders, eq(folders.id, threats.folderId))
      .where(and(eq(threats.id, id), or(isNull(threats.organizationId), eq(threats.organizationId, organizationId))))
  )[0] ?? null;
export type ThreatWithPath = NonNullable<Awaited<ReturnType<typeof findThreat>>>;

export const orgThreatsByUrn = (db: DbOrTx, organizationId: string, urns: string[]) =>
  urns.length === 0
    ? Promise.resolve([])
    : db
        .select({ row: threats, folderPath: folders.path })
        .from(threats)
        .innerJoin(folders, eq(folders.id, threats.folderId))
        .where(and(eq(threats.organizationId, organizationId), inArray(threats.urn, urns)));

export const countThreatsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(threats).where(eq(threats.folderId, folderId)))[0]?.n ?? 0,
  );
