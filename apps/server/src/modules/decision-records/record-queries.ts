import { and, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  dateKey,
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
  timestampKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { folders, subtreeOf } from '../folders/index.js';
import type { DecisionTable, Found, LinkKind } from './kind.js';

/** The sort fields every kind's list offers (its contract's `sortParam`). */
export type DecisionSort = 'name' | 'refId' | 'state' | 'expiryDate' | 'updatedAt';

const sortKeys = (table: DecisionTable): Record<DecisionSort, SortKey> => ({
  name: textKey(table.name),
  refId: textKey(table.refId),
  state: textKey(table.state),
  expiryDate: dateKey(table.expiryDate),
  updatedAt: timestampKey(table.updatedAt),
});

/** Folder ids, per link kind, where the caller may read the targets. */
export type LinkVisibility<L extends string> = Record<L, SQL>;

interface Kind<L extends string> {
  table: DecisionTable;
  links: Record<L, LinkKind>;
}

const linkNames = <L extends string>(kind: Kind<L>) => Object.keys(kind.links) as L[];

/** The row, its folder path and one column per link kind: the linked targets the caller may read. */
const withCounts = <L extends string>(kind: Kind<L>, visible: LinkVisibility<L>) => ({
  row: kind.table,
  folderPath: folders.path,
  ...Object.fromEntries(
    linkNames(kind).map((name) => [name, kind.links[name].visibleCount(kind.table.id, visible[name])]),
  ),
});

function found<Row, L extends string>(kind: Kind<L>, selected: Record<string, unknown>): Found<Row, L> {
  const counts = Object.fromEntries(linkNames(kind).map((name) => [name, Number(selected[name])])) as Record<L, number>;
  return { row: selected.row as Row, folderPath: selected.folderPath as string, counts };
}

export interface ListFilters {
  q?: string;
  state?: string;
  folderId?: string;
  /** Column name → person id (approverId, ownerId), `me` already resolved. */
  people: Record<string, string | undefined>;
  /** Link kind name → a target the record must be linked to. */
  linkedTo: Record<string, string | undefined>;
  /** The kind's own conditions. */
  more: (SQL | undefined)[];
}

export async function listRecords<Row, L extends string>(
  db: DbOrTx,
  kind: Kind<L>,
  params: ListFilters & {
    organizationId: string;
    visible: SQL;
    links: LinkVisibility<L>;
    sort: DecisionSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const { table } = kind;
  const key = sortKeys(table)[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const columns = table as unknown as Record<string, SQL>;
  const rows = await db
    .select({ ...withCounts(kind, params.links), sortCursor: sortCursorColumn(key) })
    .from(table)
    .innerJoin(folders, eq(folders.id, table.folderId))
    .where(
      and(
        eq(table.organizationId, params.organizationId),
        inArray(table.folderId, params.visible),
        like
          ? or(
              ilike(table.name, like),
              ilike(table.refId, like),
              ilike(table.description, like),
              ilike(table.justification, like),
            )
          : undefined,
        params.state ? eq(table.state, params.state) : undefined,
        params.folderId ? inArray(table.folderId, subtreeOf(params.organizationId, params.folderId)) : undefined,
        ...Object.entries(params.people).map(([column, id]) => (id ? eq(columns[column] as SQL, id) : undefined)),
        ...linkNames(kind).map((name) => {
          const target = params.linkedTo[name];
          const link = kind.links[name];
          return target
            ? sql`${table.id} in (select ${link.recordColumn} from ${link.table} where ${link.targetColumn} = ${target})`
            : undefined;
        }),
        ...params.more,
        keysetWhere(key, table.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, table.id, params.descending))
    .limit(params.limit + 1);
  return rows.map((r) => ({ ...found<Row, L>(kind, r), sortCursor: r.sortCursor }));
}

export async function findRecord<Row, L extends string>(
  db: DbOrTx,
  kind: Kind<L>,
  organizationId: string,
  id: string,
  links: LinkVisibility<L>,
): Promise<Found<Row, L> | null> {
  const { table } = kind;
  const [row] = await db
    .select(withCounts(kind, links))
    .from(table)
    .innerJoin(folders, eq(folders.id, table.folderId))
    .where(and(eq(table.id, id), eq(table.organizationId, organizationId)));
  return row ? found<Row, L>(kind, row) : null;
}

/** Takes the row lock that serialises changes of one record (its state and links are read, then written). */
export const lockRecord = (db: DbOrTx, table: DecisionTable, organizationId: string, id: string) =>
  db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.organizationId, organizationId)))
    .for('no key update');

export const countRecordsInFolder = async (db: DbOrTx, table: DecisionTable, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.folderId, folderId)))[0]?.n ?? 0,
  );

/** The ids linked to a record in one link table. */
export const linkedIds = async (db: DbOrTx, link: LinkKind, recordId: string) =>
  (await db.select({ id: link.targetColumn }).from(link.table).where(eq(link.recordColumn, recordId))).map(
    (r) => r.id as string,
  );

/** The property name of one of the link table's columns (an insert names columns by property). */
function propertyOf(link: LinkKind, column: PgColumn) {
  const entry = Object.entries(getTableColumns(link.table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} is not one of the link table's`);
  return entry[0];
}

export async function addLinks(db: DbOrTx, link: LinkKind, recordId: string, ids: string[]) {
  if (ids.length === 0) return;
  const record = propertyOf(link, link.recordColumn);
  const target = propertyOf(link, link.targetColumn);
  await db
    .insert(link.table)
    .values(ids.map((id) => ({ [record]: recordId, [target]: id })))
    .onConflictDoNothing();
}

export async function removeLinks(db: DbOrTx, link: LinkKind, recordId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(link.table).where(and(eq(link.recordColumn, recordId), inArray(link.targetColumn, ids)));
}
