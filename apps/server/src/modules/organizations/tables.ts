import { boolean, index, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { users } from '../users/tables.js';

export const organizations = pgTable('organizations', {
  id: idColumn(),
  name: varchar({ length: 200 }).notNull(),
  /** When true every member must have TOTP enabled before they can use the organisation. */
  requireTotp: boolean().notNull().default(false),
  ...timestamps(),
  version: versionColumn(),
});

/**
 * A membership makes a user part of an organisation (listed among its members, able to be invited to groups).
 * What they can *see* comes only from role bindings; guests have bindings without a membership.
 */
export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text({ enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index().on(t.userId)],
);
