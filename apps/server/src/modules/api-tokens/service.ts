import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { type AuditContext, createdFields, recordAudit } from '../audit/index.js';
import type { ApiTokenDto } from './contracts.js';
import * as q from './queries.js';
import { apiTokens } from './tables.js';
import { API_TOKEN_PREFIX } from './token-format.js';

/**
 * What a user recognises a token by in lists: `rmp_` and the first eight characters of the secret. Computed when
 * called, not when the module loads: auth and api-tokens import each other (a decided pair), and whichever loads
 * second sees the other's constants uninitialised until both have finished loading.
 */
const displayPrefix = (secret: string) => secret.slice(0, API_TOKEN_PREFIX.length + 8);

/**
 * Owners administer every token of the organisation. Ownership is "everything at the root" (`*`): there is no
 * separate permission, since a token acts with all of its user's rights.
 */
const isOwner = (access: Access) => access.canAtRoot('*');

export function createApiTokenService(deps: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = deps;

  function toDto(row: q.ApiTokenRow, access: Access): ApiTokenDto {
    const now = clock.now().getTime();
    const status = row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt.getTime() <= now ? 'expired' : 'active';
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      user: { id: row.userId, email: row.userEmail, displayName: row.userDisplayName },
      status,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      abilities: { revoke: status !== 'revoked' && (row.userId === access.userId || isOwner(access)) },
    };
  }

  return {
    async create(access: Access, audit: AuditContext, input: { name: string; expiresAt?: string }) {
      const now = clock.now();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= now.getTime()) throw invalid('body.expiresAt', 'Must be in the future');
      const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiTokens)
          .values({
            userId: access.userId,
            organizationId: access.organizationId,
            name: input.name,
            prefix: displayPrefix(secret),
            tokenHash: sha256Hex(secret),
            expiresAt,
            createdAt: now,
          })
          .returning({ id: apiTokens.id });
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'api_token.created',
          objectType: 'api_token',
          objectId: row.id,
          changes: createdFields({ name: input.name, expiresAt }),
        });
        return row.id;
      });
      const row = await q.findApiToken(db, access.organizationId, id);
      if (!row) throw notFound('API token');
      return { token: toDto(row, access), secret };
    },

    async list(access: Access, params: { all: boolean; cursor: Cursor | null; limit: number }) {
      if (params.all && !isOwner(access)) throw forbidden('Only owners can list every token of the organisation');
      const rows = await q.listApiTokens(db, {
        organizationId: access.organizationId,
        userId: params.all ? null : access.userId,
        cursor: params.cursor,
        limit: params.limit,
      });
      const page = toPage(rows, params.limit, (r) => r.createdAt);
      return { items: page.items.map((r) => toDto(r, access)), nextCursor: page.nextCursor };
    },

    /** Revoking twice is harmless (204, nothing recorded the second time). */
    async revoke(access: Access, audit: AuditContext, id: string) {
      const row = await q.findApiToken(db, access.organizationId, id);
      if (!row || (row.userId !== access.userId && !isOwner(access))) throw notFound('API token');
      await db.transaction(async (tx) => {
        const revoked = await tx
          .update(apiTokens)
          .set({ revokedAt: clock.now() })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id });
        if (revoked.length === 0) return;
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'api_token.revoked',
          objectType: 'api_token',
          objectId: id,
          changes: { name: row.name, userId: row.userId },
        });
      });
    },
  };
}
