import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { users } from '../users/index.js';
import { apiTokens } from './tables.js';

const baseSelect = (db: DbOrTx) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      userId: apiTokens.userId,
      userEmail: users.email,
      userDisplayName: users.displayName,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId));

export type ApiTokenRow = Awaited<ReturnType<typeof baseSelect>>[number];

/** The organisation's tokens, newest first; only the given user's unless `userId` is null (owners). */
export function listApiTokens(
  db: DbOrTx,
  params: { organizationId: string; userId: string | null; cursor: Cursor | null; limit: number },
) {
  return baseSelect(db)
    .where(
      and(
        eq(apiTokens.organizationId, params.organizationId),
        params.userId ? eq(apiTokens.userId, params.userId) : undefined,
        keysetAfter(apiTokens.createdAt, apiTokens.id, true, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(apiTokens.createdAt, apiTokens.id, true))
    .limit(params.limit + 1);
}

export async function findApiToken(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await baseSelect(db).where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.id, id)));
  return row ?? null;
}
