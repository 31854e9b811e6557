import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { organizations } from '../organizations/tables.js';

/**
 * The folder tree scopes every object and every permission. `path` is the materialised chain of ids from the
 * root (`/root-id/child-id/`), so "this folder and everything under it" is one indexed prefix match and moving
 * a subtree is one UPDATE. Each organisation has exactly one root folder (parent null).
 */
export const folders = pgTable(
  'folders',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => folders.id, { onDelete: 'restrict' }),
    name: varchar({ length: 200 }).notNull(),
    description: text(),
    path: text().notNull(),
    depth: integer().notNull(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.parentId),
    index('folders_path_prefix_idx').using('btree', t.path.op('text_pattern_ops')),
    uniqueIndex('folders_one_root_per_org').on(t.organizationId).where(sql`${t.parentId} is null`),
    uniqueIndex('folders_sibling_name_unique').on(t.organizationId, t.parentId, sql`lower(${t.name})`),
  ],
);
