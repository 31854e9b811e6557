import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
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
import { riskMatrices } from './tables.js';
import type { MatrixUseCount } from './usage.js';

export type MatrixRow = typeof riskMatrices.$inferSelect;

const sortKeys = {
  name: textKey(riskMatrices.name),
  updatedAt: timestampKey(riskMatrices.updatedAt),
} satisfies Record<string, SortKey>;
export type MatrixSort = keyof typeof sortKeys;

const sameOwner = sql`coalesce(o.organization_id, '00000000-0000-0000-0000-000000000000'::uuid)
  = coalesce(${riskMatrices.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`;

const latestRevision = sql<number>`(select max(o.revision)::int from ${riskMatrices} o
  where ${sameOwner} and o.urn = ${riskMatrices.urn})`;

const withUsage = (organizationId: string, inUse: MatrixUseCount) => ({
  row: riskMatrices,
  folderPath: folders.path,
  inUse: inUse(organizationId),
  latestRevision,
});

const visibleTo = (organizationId: string, visible: SQL) =>
  or(
    isNull(riskMatrices.organizationId),
    and(eq(riskMatrices.organizationId, organizationId), inArray(riskMatrices.folderId, visible)),
  );

/** Built-ins are visible to everyone; the organisation's own only in readable folders. */
export function listMatrices(
  db: DbOrTx,
  inUse: MatrixUseCount,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    source?: 'builtin' | 'organization';
    folderId?: string;
    allRevisions: boolean;
    sort: MatrixSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const own = and(
    eq(riskMatrices.organizationId, params.organizationId),
    inArray(riskMatrices.folderId, params.visible),
  );
  const scope =
    params.source === 'builtin'
      ? isNull(riskMatrices.organizationId)
      : params.source === 'organization' || params.folderId
        ? own
        : visibleTo(params.organizationId, params.visible);
  return db
    .select({ ...withUsage(params.organizationId, inUse), sortCursor: sortCursorColumn(key) })
    .from(riskMatrices)
    .leftJoin(folders, eq(folders.id, riskMatrices.folderId))
    .where(
      and(
        scope,
        params.allRevisions ? undefined : sql`${riskMatrices.revision} = ${latestRevision}`,
        like
          ? or(ilike(riskMatrices.name, like), ilike(riskMatrices.refId, like), ilike(riskMatrices.description, like))
          : undefined,
        params.folderId ? inArray(riskMatrices.folderId, subtreeOf(params.organizationId, params.folderId)) : undefined,
        keysetWhere(key, riskMatrices.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, riskMatrices.id, params.descending))
    .limit(params.limit + 1);
}

/** A built-in matrix or one of the organisation's (any folder: the caller's right is checked by the service). */
export const findMatrix = async (db: DbOrTx, inUse: MatrixUseCount, organizationId: string, id: string) =>
  (
    await db
      .select(withUsage(organizationId, inUse))
      .from(riskMatrices)
      .leftJoin(folders, eq(folders.id, riskMatrices.folderId))
      .where(
        and(
          eq(riskMatrices.id, id),
          or(isNull(riskMatrices.organizationId), eq(riskMatrices.organizationId, organizationId)),
        ),
      )
  )[0] ?? null;
export type MatrixWithUsage = NonNullable<Awaited<ReturnType<typeof findMatrix>>>;

/** Every revision of one matrix (same owner and URN) the caller may read, oldest first. */
export const revisionsOf = (db: DbOrTx, inUse: MatrixUseCount, organizationId: string, visible: SQL, of: MatrixRow) =>
  db
    .select(withUsage(organizationId, inUse))
    .from(riskMatrices)
    .leftJoin(folders, eq(folders.id, riskMatrices.folderId))
    .where(
      and(
        eq(riskMatrices.urn, of.urn),
        of.organizationId === null
          ? isNull(riskMatrices.organizationId)
          : and(eq(riskMatrices.organizationId, of.organizationId), inArray(riskMatrices.folderId, visible)),
      ),
    )
    .orderBy(asc(riskMatrices.revision));

/** The latest revision of each of the organisation's matrices with these URNs. */
export const latestOrgMatricesByUrn = async (
  db: DbOrTx,
  inUse: MatrixUseCount,
  organizationId: string,
  urns: string[],
) => {
  if (urns.length === 0) return new Map<string, MatrixWithUsage>();
  const rows = await db
    .select(withUsage(organizationId, inUse))
    .from(riskMatrices)
    .leftJoin(folders, eq(folders.id, riskMatrices.folderId))
    .where(
      and(
        eq(riskMatrices.organizationId, organizationId),
        inArray(riskMatrices.urn, urns),
        sql`${riskMatrices.revision} = ${latestRevision}`,
      ),
    );
  return new Map(rows.map((r) => [r.row.urn, r]));
};

export const maxRevision = async (db: DbOrTx, organizationId: string, urn: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`coalesce(max(${riskMatrices.revision}), 0)::int` })
        .from(riskMatrices)
        .where(and(eq(riskMatrices.organizationId, organizationId), eq(riskMatrices.urn, urn)))
    )[0]?.n ?? 0,
  );

export const countMatricesInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db.select({ n: sql<number>`count(*)::int` }).from(riskMatrices).where(eq(riskMatrices.folderId, folderId))
    )[0]?.n ?? 0,
  );
