import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { folders } from './tables.js';

/**
 * The folder lookups every module needs (where an object goes, what lies below a folder). Permission checks on
 * the folders found are the caller's business (`Access.can` / `require` on their path).
 */

/** `folderId` and everything below it, within the organisation (an SQL subquery of folder ids). */
export const subtreeOf = (organizationId: string, folderId: string) => sql`(
  select sf.id from ${folders} sf where sf.organization_id = ${organizationId}
    and starts_with(sf.path, (select rf.path from ${folders} rf where rf.id = ${folderId}
                                and rf.organization_id = ${organizationId})))`;

/** A folder of the organisation (id and path), or null for an unknown id or another organisation's folder. */
export const folderById = async (db: DbOrTx, organizationId: string, folderId: string) =>
  (
    await db
      .select({ id: folders.id, path: folders.path })
      .from(folders)
      .where(and(eq(folders.id, folderId), eq(folders.organizationId, organizationId)))
  )[0] ?? null;

/** Every folder of the organisation (id, parent, name, path): imports resolve "Root/IT" paths with it. */
export const foldersOf = (db: DbOrTx, organizationId: string) =>
  db
    .select({ id: folders.id, parentId: folders.parentId, name: folders.name, path: folders.path })
    .from(folders)
    .where(eq(folders.organizationId, organizationId));

/** The path of a folder of the organisation, or null. */
export async function folderPathOf(db: DbOrTx, organizationId: string, folderId: string): Promise<string | null> {
  return (await folderById(db, organizationId, folderId))?.path ?? null;
}
