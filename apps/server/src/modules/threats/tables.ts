import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import type { Translations } from '../frameworks/tables.js';
import { organizations } from '../organizations/tables.js';

/**
 * The threat catalogue. Built-in threats (written by us) have no organisation and are read-only; threats an
 * organisation adds or imports belong to it and live in one of its folders.
 */
export const threats = pgTable(
  'threats',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid().references(() => folders.id, { onDelete: 'restrict' }),
    urn: varchar({ length: 300 }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    category: varchar({ length: 100 }),
    provider: varchar({ length: 200 }),
    translations: jsonb().$type<Translations>(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.folderId),
    uniqueIndex('threats_urn_per_owner')
      .on(sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.urn)
      .where(sql`${t.urn} is not null`),
  ],
);
