import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { folders } from '../folders/tables.js';
import { memberships } from '../organizations/tables.js';

/**
 * Lookups shared by the controls and evidence modules (kept here, free of either module's tables, so neither
 * module's queries import the other's and no import circle forms).
 */

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
