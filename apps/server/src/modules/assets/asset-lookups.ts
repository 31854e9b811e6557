import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// Lookups in tables owned by the folders, organizations and users modules (read-only).
import { folders } from '../folders/tables.js';
import { memberships } from '../organizations/tables.js';
import { users } from '../users/tables.js';

/** `folderId` and everything below it, within the organisation (an SQL subquery of folder ids). */
export const subtreeOf = (organizationId: string, folderId: string) => sql`(
  select sf.id from ${folders} sf where sf.organization_id = ${organizationId}
    and starts_with(sf.path, (select rf.path from ${folders} rf where rf.id = ${folderId}
                                and rf.organization_id = ${organizationId})))`;

export const folderById = async (db: DbOrTx, organizationId: string, folderId: string) =>
  (
    await db
      .select({ id: folders.id, path: folders.path })
      .from(folders)
      .where(and(eq(folders.id, folderId), eq(folders.organizationId, organizationId)))
  )[0] ?? null;

export const rootFolderOf = async (db: DbOrTx, organizationId: string) =>
  (
    await db
      .select({ id: folders.id, path: folders.path, name: folders.name })
      .from(folders)
      .where(and(eq(folders.organizationId, organizationId), isNull(folders.parentId)))
  )[0] ?? null;

/** Every folder of the organisation (id, parent, name, path): the import resolves "Root/IT" paths with it. */
export const foldersOf = (db: DbOrTx, organizationId: string) =>
  db
    .select({ id: folders.id, parentId: folders.parentId, name: folders.name, path: folders.path })
    .from(folders)
    .where(eq(folders.organizationId, organizationId));

/** Which of `userIds` are members of the organisation (active or suspended: ownership outlives a suspension). */
export const membersAmong = async (db: DbOrTx, organizationId: string, userIds: string[]) =>
  userIds.length === 0
    ? new Set<string>()
    : new Set(
        (
          await db
            .select({ id: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, userIds)))
        ).map((r) => r.id),
      );

/** Members of the organisation with their e-mail: the import and export name owners by e-mail. */
export const membersOf = (db: DbOrTx, organizationId: string) =>
  db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId));

export const usersTable = users;
export const foldersTable = folders;
