import { index, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/**
 * Personal API tokens act as their user within one organisation. The secret is shown once; only its SHA-256
 * is stored. `prefix` (the first characters) lets a user recognise a token in the list.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: varchar({ length: 100 }).notNull(),
    prefix: varchar({ length: 16 }).notNull(),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    expiresAt: tstz(),
    lastUsedAt: tstz(),
    revokedAt: tstz(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.organizationId)],
);
