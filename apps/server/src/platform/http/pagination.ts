import { asc, desc, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Keyset pagination: the cursor is an opaque base64url JSON of the last row's sort value and id, so pages stay
 * stable while rows are inserted and cost the same at page 1 and page 1,000.
 */
export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (1–200)'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s `nextCursor`'),
  q: z.string().trim().max(200).optional().describe('Free-text search'),
};

export function sortParam<const T extends readonly [string, ...string[]]>(fields: T, fallback: T[number]) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z
    .enum(values)
    .default(fallback)
    .describe(`Sort field; prefix with - for descending. One of: ${fields.join(', ')}`);
}

export interface Cursor {
  v: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    const v = (parsed as { v?: unknown } | null)?.v;
    const scalar = v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.id !== 'string' || !scalar) {
      throw new Error('shape');
    }
    // Back as text: queries cast it to the sort column's type, so a forged number cannot crash a driver's encoder.
    return { v: v === null ? null : String(v), id: parsed.id };
  } catch {
    throw new AppError('validation_failed', 'The request is not valid', [
      { field: 'query.cursor', message: 'Not a cursor this API issued' },
    ]);
  }
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `sort=-name` → the column key and direction. */
export function parseSort<K extends string>(sort: string): { key: K; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, descending: true } : { key: sort as K, descending: false };
}

/**
 * The WHERE part that continues after the cursor row, with `id` as the tie-breaker. The cursor comes from the
 * client, so its values travel as text and the database casts them: a forged value is a 400 (a data exception),
 * never a driver crash on, say, a number where a timestamp belongs. For a column that can be NULL use
 * `nullable-keyset.ts` instead: a row comparison with NULL drops those rows from later pages.
 */
export function keysetAfter(column: AnyPgColumn, idColumn: AnyPgColumn, descending: boolean, cursor: Cursor | null) {
  if (!cursor) return undefined;
  const asColumn = (value: unknown, of: AnyPgColumn) =>
    sql`cast(${value === null ? null : String(value)}::text as ${sql.raw(of.getSQLType())})`;
  const row = sql`(${asColumn(cursor.v, column)}, ${asColumn(cursor.id, idColumn)})`;
  return descending ? sql`(${column}, ${idColumn}) < ${row}` : sql`(${column}, ${idColumn}) > ${row}`;
}

export function keysetOrder(column: AnyPgColumn, idColumn: AnyPgColumn, descending: boolean) {
  return descending ? [desc(column), desc(idColumn)] : [asc(column), asc(idColumn)];
}

/** Cuts the extra row fetched to know whether another page exists, and builds its cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, sortValue: (row: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const more = rows.length > limit && last;
  const raw = more ? sortValue(last) : null;
  const v = raw instanceof Date ? raw.toISOString() : (raw as string | number | null);
  return { items, nextCursor: more ? encodeCursor({ v, id: last.id }) : null };
}
