import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Cursor } from './pagination.js';

/**
 * Keyset pagination over nullable sort keys. `keysetAfter` in pagination.ts compares `(column, id)` rows, which
 * drops rows whose column is NULL (a row comparison with NULL is unknown). Here a key is the triple
 * `(column is null, coalesce(column, filler), id)`: every element is non-null, rows without a value sort last
 * in either direction of the value, and the cursor carries `"<flag>|<value>"`.
 */
export interface SortKey {
  /** The non-null value compared (already coalesced). */
  value: SQL;
  /** True when the underlying column is null (an expression, never a constant: ORDER BY refuses those). */
  isNull: SQL;
  /** The SQL type the cursor value is cast to (it travels as text). */
  type: 'text' | 'integer' | 'date' | 'timestamptz';
}

export const textKey = (column: unknown): SortKey => ({
  value: sql`lower(coalesce(${column}, ''))`,
  isNull: sql`(${column} is null)`,
  type: 'text',
});
export const integerKey = (column: unknown): SortKey => ({
  value: sql`coalesce(${column}, 0)`,
  isNull: sql`(${column} is null)`,
  type: 'integer',
});
export const dateKey = (column: unknown): SortKey => ({
  value: sql`coalesce(${column}, date '1970-01-01')`,
  isNull: sql`(${column} is null)`,
  type: 'date',
});
export const timestampKey = (column: unknown): SortKey => ({
  value: sql`${column}`,
  isNull: sql`(${column} is null)`,
  type: 'timestamptz',
});

export function keysetWhere(key: SortKey, idColumn: unknown, descending: boolean, cursor: Cursor | null) {
  if (!cursor) return undefined;
  const raw = String(cursor.v ?? '');
  const split = raw.indexOf('|');
  const flag = raw.slice(0, split);
  if (split < 0 || (flag !== 't' && flag !== 'f')) {
    throw new AppError('validation_failed', 'The request is not valid', [
      { field: 'query.cursor', message: 'Not a cursor this API issued' },
    ]);
  }
  const value = sql`cast(${raw.slice(split + 1)}::text as ${sql.raw(key.type)})`;
  const id = sql`cast(${cursor.id}::text as uuid)`;
  // Nulls last whatever the direction: the flag always ascends, only value and id follow `descending`.
  const after = descending
    ? sql`(${key.value}, ${idColumn}) < (${value}, ${id})`
    : sql`(${key.value}, ${idColumn}) > (${value}, ${id})`;
  const cursorIsNull = sql.raw(flag === 't' ? 'true' : 'false');
  return sql`(${key.isNull} > ${cursorIsNull} or (${key.isNull} = ${cursorIsNull} and ${after}))`;
}

export function keysetOrderBy(key: SortKey, idColumn: unknown, descending: boolean): SQL[] {
  const direction = sql.raw(descending ? 'desc' : 'asc');
  return [sql`${key.isNull} asc`, sql`${key.value} ${direction}`, sql`${idColumn} ${direction}`];
}

/** Selected alongside the row so the cursor holds exactly what the database compares. */
export const sortCursorColumn = (key: SortKey) =>
  sql<string>`(case when ${key.isNull} then 't' else 'f' end) || '|' || ${key.value}::text`;
