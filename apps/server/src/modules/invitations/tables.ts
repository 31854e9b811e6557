import { index, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns.js';
import { roles } from '../access/tables.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/** An e-mailed, one-time, expiring invitation to join an organisation with a role on a folder. */
export const invitations = pgTable(
  'invitations',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: varchar({ length: 320 }).notNull(),
    roleId: uuid()
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'cascade' }),
    tokenHash: varchar({ length: 64 }).notNull().unique(),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz().notNull(),
    acceptedAt: tstz(),
    acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: tstz(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.roleId),
    index().on(t.folderId),
    index().on(t.invitedBy),
    index().on(t.acceptedBy),
  ],
);
