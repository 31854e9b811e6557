import { and, eq, ne } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireCaller } from '../../platform/auth/caller.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { SESSION_COOKIE } from './authenticate.js';
import { sessions } from './tables.js';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  clock: Clock,
  config: Pick<Config, 'sessionTtlHours'>,
  input: {
    userId: string;
    pendingTotp: boolean;
    currentOrganizationId: string | null;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = clock.now();
  // A session waiting for its TOTP code lives five minutes; a full one the configured lifetime.
  const ttlMs = input.pendingTotp ? 5 * 60_000 : config.sessionTtlHours * 3_600_000;
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(sessions).values({
    id: sha256Hex(token),
    userId: input.userId,
    pendingTotp: input.pendingTotp,
    currentOrganizationId: input.currentOrganizationId,
    csrfToken,
    ip: input.ip?.slice(0, 64) ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https' || config.publicUrl.startsWith('https://'),
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const deleteSession = (db: DbOrTx, sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId));

/** "Log out everywhere": every session of the user, optionally keeping the current one. */
export const deleteUserSessions = (db: DbOrTx, userId: string, keepSessionId?: string) =>
  db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));

export const findSession = async (db: DbOrTx, sessionId: string) =>
  (await db.select().from(sessions).where(eq(sessions.id, sessionId)))[0] ?? null;

/** Account security (passwords, TOTP, API tokens) is managed from a signed-in browser session, never by a token. */
export function requireSessionCaller(request: FastifyRequest) {
  const caller = requireCaller(request);
  if (caller.kind !== 'session' || !caller.sessionId) {
    throw new AppError('forbidden', 'This needs a signed-in session; API tokens cannot do it');
  }
  return caller as typeof caller & { sessionId: string };
}
