import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Cursor } from '../../../platform/http/pagination.js';
import { folders } from '../../folders/index.js';
import { memberships } from '../../organizations/index.js';
import { users } from '../../users/index.js';
import { groups, roleBindings, roles } from '../tables.js';

/** Timestamps are compared at millisecond precision: that is what a cursor (a JS Date) can carry. */
const createdMs = sql`date_trunc('milliseconds', ${roleBindings.createdAt})`;

const bindingColumns = (organizationId: string) => ({
  id: roleBindings.id,
  folderId: roleBindings.folderId,
  folderName: folders.name,
  folderPath: folders.path,
  roleId: roleBindings.roleId,
  roleName: roles.name,
  roleKey: roles.builtinKey,
  permissions: roles.permissions,
  userId: roleBindings.userId,
  groupId: roleBindings.groupId,
  userName: users.displayName,
  userEmail: users.email,
  groupName: groups.name,
  guest: sql<boolean>`(${roleBindings.userId} is not null and not exists (
                         select 1 from ${memberships} m
                         where m.organization_id = ${organizationId} and m.user_id = ${roleBindings.userId}))`,
  system: roleBindings.system,
  createdAt: roleBindings.createdAt,
});

function selectBindings(db: DbOrTx, organizationId: string) {
  return db
    .select(bindingColumns(organizationId))
    .from(roleBindings)
    .innerJoin(folders, eq(folders.id, roleBindings.folderId))
    .innerJoin(roles, eq(roles.id, roleBindings.roleId))
    .leftJoin(users, eq(users.id, roleBindings.userId))
    .leftJoin(groups, eq(groups.id, roleBindings.groupId));
}

export type BindingRow = Awaited<ReturnType<typeof findBinding>> & {};

export const listBindings = (
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    folderId?: string;
    userId?: string;
    groupId?: string;
    roleId?: string;
    cursor: Cursor | null;
    limit: number;
  },
) =>
  selectBindings(db, params.organizationId)
    .where(
      and(
        eq(roleBindings.organizationId, params.organizationId),
        inArray(roleBindings.folderId, params.visible),
        params.folderId ? eq(roleBindings.folderId, params.folderId) : undefined,
        params.userId ? eq(roleBindings.userId, params.userId) : undefined,
        params.groupId ? eq(roleBindings.groupId, params.groupId) : undefined,
        params.roleId ? eq(roleBindings.roleId, params.roleId) : undefined,
        params.cursor
          ? sql`(${createdMs}, ${roleBindings.id}) > (${params.cursor.v}::timestamptz, ${params.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(createdMs, roleBindings.id)
    .limit(params.limit + 1);

export const findBinding = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await selectBindings(db, organizationId).where(
      and(eq(roleBindings.id, id), eq(roleBindings.organizationId, organizationId)),
    )
  )[0] ?? null;

export const findFolderInOrg = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select({ id: folders.id, name: folders.name, path: folders.path })
      .from(folders)
      .where(and(eq(folders.id, id), eq(folders.organizationId, organizationId)))
  )[0] ?? null;

/** Any user: binding someone from another organisation is how guest access is granted. */
export const findUserAnywhere = async (db: DbOrTx, id: string) =>
  (
    await db
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, id))
  )[0] ?? null;

export const isMember = async (db: DbOrTx, organizationId: string, userId: string) =>
  (
    await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  ).length > 0;

export const bindingExists = async (
  db: DbOrTx,
  params: { organizationId: string; folderId: string; roleId: string; userId?: string; groupId?: string },
) =>
  (
    await db
      .select({ id: roleBindings.id })
      .from(roleBindings)
      .where(
        and(
          eq(roleBindings.organizationId, params.organizationId),
          eq(roleBindings.folderId, params.folderId),
          eq(roleBindings.roleId, params.roleId),
          params.userId ? eq(roleBindings.userId, params.userId) : undefined,
          params.groupId ? eq(roleBindings.groupId, params.groupId) : undefined,
        ),
      )
      .limit(1)
  ).length > 0;

export async function insertBinding(
  db: DbOrTx,
  values: { organizationId: string; folderId: string; roleId: string; userId: string | null; groupId: string | null },
) {
  const [row] = await db.insert(roleBindings).values(values).returning({ id: roleBindings.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export const deleteBinding = (db: DbOrTx, organizationId: string, id: string) =>
  db.delete(roleBindings).where(and(eq(roleBindings.id, id), eq(roleBindings.organizationId, organizationId)));
