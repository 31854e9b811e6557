import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { Access, loadGrants } from '../access/access.js';
import type { Permission } from '../access/permissions-catalog.js';
import { membersAmong } from '../controls/scope.js';
// memberships is owned by the organizations module: who is an active member.
import { memberships } from '../organizations/tables.js';
// users is owned by the users module: names and addresses of the people an object names.
import { users } from '../users/tables.js';

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export async function personsByIds(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Whether `userId` is a member of the organisation who holds `permission` on the folder at `folderPath` (a
 * suspended member holds nothing: their grants do not apply).
 */
export async function memberCan(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  permission: Permission,
  folderPath: string,
): Promise<boolean> {
  if (!(await membersAmong(db, organizationId, [userId])).has(userId)) return false;
  return new Access(userId, organizationId, await loadGrants(db, userId, organizationId)).can(permission, folderPath);
}

/** Of `ids`, the users who are active members of the organisation (a reminder goes to them only). */
export async function activeMembersAmong(db: DbOrTx, organizationId: string, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(eq(memberships.organizationId, organizationId), eq(memberships.status, 'active'), inArray(users.id, unique)),
    )
    .orderBy(users.email);
}
