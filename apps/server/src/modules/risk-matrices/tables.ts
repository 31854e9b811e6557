import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import type { MatrixDefinition } from './definition.js';

/**
 * A risk matrix version. Built-in matrices (3×3, 4×4, 5×5) have no organisation. `revision` counts versions of
 * one matrix (same `urn`); a matrix used by a risk assessment is never edited in place: a change is a new revision,
 * and an assessment moves to it only through an explicit re-rating.
 */
export const riskMatrices = pgTable(
  'risk_matrices',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid().references(() => folders.id, { onDelete: 'restrict' }),
    urn: varchar({ length: 300 }).notNull(),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    revision: integer().notNull().default(1),
    definition: jsonb().$type<MatrixDefinition>().notNull(),
    provider: varchar({ length: 200 }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.folderId),
    uniqueIndex('risk_matrices_urn_revision_per_owner').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.urn,
      t.revision,
    ),
  ],
);
