import { and, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { memberships } from '../organizations/index.js';
import { users } from '../users/index.js';

const sortColumns = { displayName: users.displayName, email: users.email } as const;
export type MemberSort = keyof typeof sortColumns;

/**
 * The people of an organisation: its members, and guests (users reaching it through a direct binding, or a group
 * they were added to while bound).
 */
const belongs = (organizationId: string): SQL =>
  sql`(${memberships.userId} is not null
       or exists (select 1 from role_bindings rb where rb.organization_id = ${organizationId}
                    and rb.user_id = ${users.id})
       or exists (select 1 from group_members gm join groups g on g.id = gm.group_id
                    where g.organization_id = ${organizationId} and gm.user_id = ${users.id}))`;

function selectPeople(db: DbOrTx, organizationId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      status: memberships.status,
      joinedAt: memberships.createdAt,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, organizationId)));
}

export type PersonRow = Awaited<ReturnType<typeof findPerson>> & {};

export const listPeople = (
  db: DbOrTx,
  params: {
    organizationId: string;
    q?: string;
    status?: 'active' | 'suspended';
    guest?: boolean;
    sort: MemberSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) => {
  const column = sortColumns[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return selectPeople(db, params.organizationId)
    .where(
      and(
        belongs(params.organizationId),
        like ? or(ilike(users.displayName, like), ilike(users.email, like)) : undefined,
        // A guest has no membership row, so counts as active.
        params.status === 'suspended' ? eq(memberships.status, 'suspended') : undefined,
        params.status === 'active' ? or(isNull(memberships.status), eq(memberships.status, 'active')) : undefined,
        params.guest === true ? isNull(memberships.userId) : undefined,
        params.guest === false ? isNotNull(memberships.userId) : undefined,
        keysetAfter(column, users.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(column, users.id, params.descending))
    .limit(params.limit + 1);
};

export const findPerson = async (db: DbOrTx, organizationId: string, userId: string) =>
  (await selectPeople(db, organizationId).where(and(eq(users.id, userId), belongs(organizationId))))[0] ?? null;

export const setMembershipStatus = (
  db: DbOrTx,
  organizationId: string,
  userId: string,
  status: 'active' | 'suspended',
) =>
  db
    .update(memberships)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));

export const deleteMembership = (db: DbOrTx, organizationId: string, userId: string) =>
  db
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
