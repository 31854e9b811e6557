import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/**
 * Roles are named sets of permissions (`object_type:action`, or `*`). Built-in roles have no organisation and
 * cannot be edited; custom roles belong to one organisation.
 */
export const roles = pgTable(
  'roles',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    /** Stable key of a built-in role (owner, manager, ...); null for custom roles. */
    builtinKey: varchar({ length: 40 }).unique(),
    name: varchar({ length: 100 }).notNull(),
    description: text(),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index().on(t.organizationId), uniqueIndex('roles_name_per_org').on(t.organizationId, sql`lower(${t.name})`)],
);

export const groups = pgTable(
  'groups',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: varchar({ length: 100 }).notNull(),
    description: text(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [uniqueIndex('groups_name_per_org').on(t.organizationId, sql`lower(${t.name})`)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index().on(t.userId)],
);

/**
 * (user or group) × role × folder. A binding applies to its folder and every folder below it. A user of another
 * organisation bound here is a guest: they see this subtree and nothing else of the organisation.
 */
export const roleBindings = pgTable(
  'role_bindings',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'cascade' }),
    roleId: uuid()
      .notNull()
      .references(() => roles.id, { onDelete: 'restrict' }),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    groupId: uuid().references(() => groups.id, { onDelete: 'cascade' }),
    /** Bindings created by the system (e.g. the first owner's) are listed like any other but flagged. */
    system: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.folderId),
    index().on(t.roleId),
    index().on(t.userId),
    index().on(t.groupId),
    check('role_bindings_one_subject', sql`(${t.userId} is null) <> (${t.groupId} is null)`),
    // The same grant twice adds nothing; the database refuses it even when two requests race.
    uniqueIndex('role_bindings_user_grant_unique')
      .on(t.folderId, t.roleId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('role_bindings_group_grant_unique')
      .on(t.folderId, t.roleId, t.groupId)
      .where(sql`${t.groupId} is not null`),
  ],
);
