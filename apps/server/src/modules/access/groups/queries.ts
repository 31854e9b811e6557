import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../../platform/db/client.js';
import { escapeLike } from '../../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../../platform/http/pagination.js';
import { memberships } from '../../organizations/index.js';
import { users } from '../../users/index.js';
import { groupMembers, groups, roleBindings } from '../tables.js';

export type GroupRow = typeof groups.$inferSelect & { memberCount: number };

const memberCount: SQL<number> = sql<number>`(select count(*)::int from ${groupMembers} gm
                                               where gm.group_id = groups.id)`.mapWith(Number);

export const listGroups = (
  db: DbOrTx,
  params: { organizationId: string; q?: string; descending: boolean; cursor: Cursor | null; limit: number },
): Promise<GroupRow[]> =>
  db
    .select({ group: groups, memberCount })
    .from(groups)
    .where(
      and(
        eq(groups.organizationId, params.organizationId),
        params.q ? ilike(groups.name, `%${escapeLike(params.q)}%`) : undefined,
        keysetAfter(groups.name, groups.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(groups.name, groups.id, params.descending))
    .limit(params.limit + 1)
    .then((rows) => rows.map((r) => ({ ...r.group, memberCount: r.memberCount })));

export const findGroup = async (db: DbOrTx, organizationId: string, id: string): Promise<GroupRow | null> => {
  const [row] = await db
    .select({ group: groups, memberCount })
    .from(groups)
    .where(and(eq(groups.id, id), eq(groups.organizationId, organizationId)));
  return row ? { ...row.group, memberCount: row.memberCount } : null;
};

export async function insertGroup(
  db: DbOrTx,
  values: { organizationId: string; name: string; description: string | null },
) {
  const [row] = await db.insert(groups).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Members of a group, by display name; `guest` when the user has no membership in the organisation. */
export const listGroupMembers = (
  db: DbOrTx,
  params: { organizationId: string; groupId: string; q?: string; cursor: Cursor | null; limit: number },
) =>
  db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      guest: sql<boolean>`not exists (select 1 from ${memberships} m
                          where m.organization_id = ${params.organizationId} and m.user_id = ${users.id})`,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(
      and(
        eq(groupMembers.groupId, params.groupId),
        params.q
          ? or(ilike(users.displayName, `%${escapeLike(params.q)}%`), ilike(users.email, `%${escapeLike(params.q)}%`))
          : undefined,
        keysetAfter(users.displayName, users.id, false, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(users.displayName, users.id, false))
    .limit(params.limit + 1);

/** Members (of any status) and guests already bound directly may join groups; nobody else is visible here. */
export async function findEligibleUser(db: DbOrTx, organizationId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        sql`(exists (select 1 from ${memberships} m where m.organization_id = ${organizationId} and m.user_id = ${userId})
             or exists (select 1 from ${roleBindings} rb where rb.organization_id = ${organizationId}
                          and rb.user_id = ${userId}))`,
      ),
    );
  return row ?? null;
}

export const findGroupMemberUser = async (db: DbOrTx, groupId: string, userId: string) =>
  (
    await db
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
  )[0] ?? null;

export const addGroupMember = async (db: DbOrTx, groupId: string, userId: string) =>
  (await db.insert(groupMembers).values({ groupId, userId }).onConflictDoNothing().returning()).length > 0;

export const removeGroupMember = async (db: DbOrTx, groupId: string, userId: string) =>
  (
    await db
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      .returning()
  ).length > 0;

/** What membership of the group grants: each binding's role permissions and the bound folder's path. */
export const groupGrants = (db: DbOrTx, organizationId: string, groupId: string) =>
  selectRows<{ permissions: string[]; path: string }>(
    db,
    sql`
      select r.permissions, f.path from ${roleBindings} rb
      join roles r on r.id = rb.role_id
      join folders f on f.id = rb.folder_id
      where rb.organization_id = ${organizationId} and rb.group_id = ${groupId}`,
  );
