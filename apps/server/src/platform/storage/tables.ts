import { bigint, index, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../db/columns.js';

/** Metadata of stored files; content lives in the storage backend under a key derived from its SHA-256. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: idColumn(),
    organizationId: uuid().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    contentType: varchar({ length: 200 }).notNull(),
    originalName: varchar({ length: 255 }).notNull(),
    createdBy: uuid(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId), index().on(t.sha256)],
);
