import { and, eq, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { roles } from '../access/index.js';
import { folders } from '../folders/index.js';
import { organizations } from '../organizations/index.js';
import { users } from '../users/index.js';
import type { InvitationStatus } from './contracts.js';
import { invitations } from './tables.js';

const inviter = alias(users, 'inviter');

/** Status is derived, never stored: an invitation simply passes its expiry. */
export const statusColumn = (now: Date) =>
  sql<InvitationStatus>`case when ${invitations.acceptedAt} is not null then 'accepted'
                             when ${invitations.revokedAt} is not null then 'revoked'
                             when ${invitations.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
                             else 'pending' end`;

const columns = (now: Date) => ({
  id: invitations.id,
  organizationId: invitations.organizationId,
  email: invitations.email,
  roleId: invitations.roleId,
  roleName: roles.name,
  roleKey: roles.builtinKey,
  folderId: invitations.folderId,
  folderName: folders.name,
  folderPath: folders.path,
  status: statusColumn(now),
  invitedById: invitations.invitedBy,
  invitedByName: inviter.displayName,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
  createdAt: invitations.createdAt,
});

const baseSelect = (db: DbOrTx, now: Date) =>
  db
    .select(columns(now))
    .from(invitations)
    .innerJoin(roles, eq(roles.id, invitations.roleId))
    .innerJoin(folders, eq(folders.id, invitations.folderId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy));

export type InvitationRow = Awaited<ReturnType<typeof baseSelect>>[number];

function statusFilter(status: InvitationStatus | undefined, now: Date): SQL | undefined {
  const nowIso = sql`${now.toISOString()}::timestamptz`;
  switch (status) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
    case 'expired':
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, nowIso));
    case 'pending':
      return and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > ${nowIso}`,
      );
    default:
      return undefined;
  }
}

/** Newest first, only in folders where the caller may read invitations. */
export function listInvitations(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    status?: InvitationStatus;
    now: Date;
    cursor: Cursor | null;
    limit: number;
  },
) {
  return baseSelect(db, params.now)
    .where(
      and(
        eq(invitations.organizationId, params.organizationId),
        inArray(invitations.folderId, params.visible),
        statusFilter(params.status, params.now),
        keysetAfter(invitations.createdAt, invitations.id, true, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(invitations.createdAt, invitations.id, true))
    .limit(params.limit + 1);
}

export async function findInvitation(db: DbOrTx, organizationId: string, id: string, now: Date) {
  const [row] = await baseSelect(db, now).where(
    and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)),
  );
  return row ?? null;
}

/** By the e-mailed token (its hash): the only lookup that crosses organisations, as the token names one. */
export async function findInvitationByToken(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ ...columns(now), organizationName: organizations.name })
    .from(invitations)
    .innerJoin(roles, eq(roles.id, invitations.roleId))
    .innerJoin(folders, eq(folders.id, invitations.folderId))
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** A built-in role or a custom role of this organisation. */
export async function findAssignableRole(db: DbOrTx, organizationId: string, roleId: string) {
  const [row] = await db
    .select({ id: roles.id, name: roles.name, permissions: roles.permissions, organizationId: roles.organizationId })
    .from(roles)
    .where(eq(roles.id, roleId));
  if (!row || (row.organizationId !== null && row.organizationId !== organizationId)) return null;
  return row;
}
