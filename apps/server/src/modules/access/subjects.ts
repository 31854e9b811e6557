import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { folders } from '../folders/index.js';
import type { Access } from './access.js';
import { requireHoldsAll } from './policy.js';
import { groupMembers, groups, roleBindings, roles } from './tables.js';

/**
 * What the members module needs to know and change about a user's access, without reaching into these tables
 * itself.
 */

export interface BindingSummary {
  id: string;
  roleId: string;
  roleName: string;
  roleKey: string | null;
  folderId: string;
  folderName: string;
}

/** Direct bindings and group memberships of several users in one organisation, keyed by user id. */
export async function accessSummaries(db: DbOrTx, organizationId: string, userIds: string[]) {
  const bindings = new Map<string, BindingSummary[]>();
  const memberOf = new Map<string, { id: string; name: string }[]>();
  if (userIds.length === 0) return { bindings, memberOf };
  const bindingRows = await db
    .select({
      userId: roleBindings.userId,
      id: roleBindings.id,
      roleId: roles.id,
      roleName: roles.name,
      roleKey: roles.builtinKey,
      folderId: folders.id,
      folderName: folders.name,
    })
    .from(roleBindings)
    .innerJoin(roles, eq(roles.id, roleBindings.roleId))
    .innerJoin(folders, eq(folders.id, roleBindings.folderId))
    .where(and(eq(roleBindings.organizationId, organizationId), inArray(roleBindings.userId, userIds)))
    .orderBy(folders.depth, sql`lower(${folders.name})`, roleBindings.id);
  for (const { userId, ...summary } of bindingRows) {
    if (!userId) continue;
    bindings.set(userId, [...(bindings.get(userId) ?? []), summary]);
  }
  const groupRows = await db
    .select({ userId: groupMembers.userId, id: groups.id, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groups.organizationId, organizationId), inArray(groupMembers.userId, userIds)))
    .orderBy(sql`lower(${groups.name})`, groups.id);
  for (const { userId, ...group } of groupRows) memberOf.set(userId, [...(memberOf.get(userId) ?? []), group]);
  return { bindings, memberOf };
}

/** Suspending or removing someone takes away what they were granted: only who holds all of it may do so. */
export async function requireOutranks(db: DbOrTx, access: Access, userId: string, verb: string) {
  const rows = await db
    .select({ permissions: roles.permissions, path: folders.path })
    .from(roleBindings)
    .innerJoin(roles, eq(roles.id, roleBindings.roleId))
    .innerJoin(folders, eq(folders.id, roleBindings.folderId))
    .where(and(eq(roleBindings.organizationId, access.organizationId), eq(roleBindings.userId, userId)));
  for (const row of rows) requireHoldsAll(access, row.permissions, row.path, verb);
}

/** Deletes the user's direct bindings and group memberships in one organisation; returns how many of each. */
export async function removeUserAccess(db: DbOrTx, organizationId: string, userId: string) {
  const removedBindings = await db
    .delete(roleBindings)
    .where(and(eq(roleBindings.organizationId, organizationId), eq(roleBindings.userId, userId)))
    .returning({ id: roleBindings.id });
  const removedGroups = await db
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.userId, userId),
        inArray(
          groupMembers.groupId,
          db.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, organizationId)),
        ),
      ),
    )
    .returning({ groupId: groupMembers.groupId });
  return { bindings: removedBindings.length, groups: removedGroups.length };
}
