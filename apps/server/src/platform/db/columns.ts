import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every mutable domain object carries: uuid id, timestamps and a version for optimistic concurrency. */
export const idColumn = () => uuid().primaryKey().defaultRandom();
export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
export const versionColumn = () => integer().notNull().default(1);
export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });
