import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/auth/caller.js';
import type { Clock } from '../../platform/clock.js';
import { safeEqual, sha256Hex } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { hasOrganizationAccess } from '../access/index.js';
import { API_TOKEN_PREFIX, apiTokens } from '../api-tokens/index.js';
import { organizations } from '../organizations/index.js';
import { users } from '../users/index.js';
import { sessions } from './tables.js';

export const SESSION_COOKIE = 'rampart_session';
export const CSRF_HEADER = 'x-csrf-token';
export const ORGANIZATION_HEADER = 'x-organization-id';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves `request.caller` from the session cookie or a bearer token, validates the organisation the request
 * acts in, and enforces CSRF on cookie-authenticated writes (the header must echo the session's token; bearer
 * tokens are not sent by browsers on their own, so they need none).
 */
export function registerAuthentication(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  app.decorateRequest('caller', null);
  app.decorateRequest('pendingTotpSession', null);

  app.addHook('preHandler', async (request) => {
    // The Prometheus endpoint checks its own scraper token (metrics.ts), which is not an API token.
    if (request.routeOptions.url === '/metrics') return;
    const caller = await resolveCaller(request);
    if (!caller) return;
    const requested = request.headers[ORGANIZATION_HEADER];
    if (typeof requested === 'string' && requested !== '') {
      if (!uuidPattern.test(requested) || !(await hasOrganizationAccess(db, caller.userId, requested))) {
        // Same answer for "does not exist" and "not yours": nothing about other tenants leaks.
        throw new AppError('not_found', 'Organization not found');
      }
      if (caller.kind === 'token' && requested !== caller.organizationId) {
        throw new AppError('forbidden', 'This API token is scoped to another organization');
      }
      caller.organizationId = requested;
    } else if (caller.organizationId && caller.kind === 'session') {
      // The session remembers the last organisation; access may have been withdrawn since.
      if (!(await hasOrganizationAccess(db, caller.userId, caller.organizationId))) caller.organizationId = null;
    }
    if (caller.organizationId && !caller.totpEnabled) {
      // Checked here, once, so every org-scoped route (requireOrgCaller) refuses until the user enrols.
      const [org] = await db
        .select({ requireTotp: organizations.requireTotp })
        .from(organizations)
        .where(eq(organizations.id, caller.organizationId));
      caller.mustEnrolTotp = org?.requireTotp ?? false;
    }
    request.caller = caller;
  });

  async function resolveCaller(request: FastifyRequest): Promise<Caller | null> {
    const now = clock.now();
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const secret = authorization.slice('Bearer '.length).trim();
      if (!secret.startsWith(API_TOKEN_PREFIX)) throw new AppError('unauthenticated', 'Invalid API token');
      const [row] = await db
        .select({ token: apiTokens, email: users.email, disabled: users.disabled, totpEnabled: users.totpEnabled })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, sha256Hex(secret)),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          ),
        );
      if (!row || row.disabled) throw new AppError('unauthenticated', 'Invalid, expired or revoked API token');
      // last-used is informational: a failed update must not fail the request.
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(eq(apiTokens.id, row.token.id))
        .catch(() => {});
      return {
        userId: row.token.userId,
        email: row.email,
        kind: 'token',
        sessionId: null,
        tokenId: row.token.id,
        organizationId: row.token.organizationId,
        totpEnabled: row.totpEnabled,
      };
    }

    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const [row] = await db
      .select({ session: sessions, email: users.email, disabled: users.disabled, totpEnabled: users.totpEnabled })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sha256Hex(cookie)), gt(sessions.expiresAt, now)));
    if (!row || row.disabled) return null;
    if (row.session.pendingTotp) {
      // Password accepted, TOTP code still owed: signed out for every route but the TOTP login step.
      request.pendingTotpSession = { sessionId: row.session.id, userId: row.session.userId };
      return null;
    }
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, row.session.csrfToken)) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated write`);
      }
    }
    return {
      userId: row.session.userId,
      email: row.email,
      kind: 'session',
      sessionId: row.session.id,
      tokenId: null,
      organizationId: row.session.currentOrganizationId,
      totpEnabled: row.totpEnabled,
    };
  }
}
