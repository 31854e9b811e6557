import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { verifyPassword } from '../../platform/auth/password.js';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { listOrganizationsOfUser } from '../organizations/index.js';
import { findUserByEmail, findUserById, users } from '../users/index.js';
import { loginBody, loginResponse, signedInResponse, verifyLoginBody } from './contracts.js';
import { createSession, deleteSession, findSession, setSessionCookie } from './sessions.js';
import { accountKey, ipKey, type LoginThrottle } from './throttle.js';
import { consumeTotpCode, remainingRecoveryCodes, useRecoveryCode } from './totp.js';

type Deps = Pick<AppContext, 'db' | 'clock' | 'config'> & { throttle: LoginThrottle };

/** The two steps of signing in: the password, then (for accounts with TOTP) the code. Both are throttled. */
export function registerLoginRoutes(app: TypedApp, deps: Deps) {
  const { db, clock, config, throttle } = deps;
  const userAudit = (request: FastifyRequest, userId: string) => ({
    ...request.audit,
    actorUserId: userId,
    actorType: 'user' as const,
  });

  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        description:
          'Signs in with e-mail and password. When the account has TOTP, answers `totp_required` and the ' +
          'session must complete `POST /auth/totp/verify-login` before it can do anything else. Five failures ' +
          'for one account (twenty from one address) within 15 minutes lock it for 15 minutes (429, Retry-After).',
        security: [],
        body: loginBody,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const keys = [accountKey(email), ipKey(request.ip)];
      await throttle.assertNotLocked(keys);
      const user = await findUserByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !ok || user.disabled) {
        await db.transaction((tx) =>
          recordAudit(tx, request.audit, {
            organizationId: null,
            action: 'auth.login_failed',
            objectType: 'user',
            objectId: user?.id ?? null,
            changes: { email },
          }),
        );
        await throttle.recordFailure(request.audit, keys, user?.id ?? null);
        throw new AppError('unauthenticated', 'Wrong e-mail or password');
      }
      const organizations = await listOrganizationsOfUser(db, user.id);
      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, clock, config, {
          userId: user.id,
          pendingTotp: user.totpEnabled,
          currentOrganizationId: organizations[0]?.id ?? null,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        // With TOTP the counter stays until the code is right too, so a known password buys no extra guesses.
        if (!user.totpEnabled) {
          await tx.update(users).set({ lastLoginAt: clock.now() }).where(eq(users.id, user.id));
          await throttle.reset(tx, accountKey(email));
          await recordAudit(tx, userAudit(request, user.id), {
            organizationId: null,
            action: 'auth.login',
            objectType: 'user',
            objectId: user.id,
            changes: { method: 'password' },
          });
        }
        return created;
      });
      setSessionCookie(request, reply, config, session);
      return user.totpEnabled
        ? { status: 'totp_required' as const, csrfToken: null }
        : { status: 'signed_in' as const, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/totp/verify-login',
    {
      schema: {
        operationId: 'verifyTotpLogin',
        tags: ['auth'],
        description:
          'Second sign-in step: a 6-digit TOTP code (`code`) or one unused recovery code (`recoveryCode`). ' +
          'Replaces the pending session by a full one (new cookie) and returns its CSRF token. Wrong codes count ' +
          'toward the sign-in throttle; a code cannot be used twice.',
        security: [{ session: [] }],
        body: verifyLoginBody,
        response: { 200: signedInResponse },
      },
    },
    async (request, reply) => {
      const pending = request.pendingTotpSession;
      if (!pending) throw new AppError('unauthenticated', 'Sign in with your e-mail and password first');
      const user = await findUserById(db, pending.userId);
      if (!user || user.disabled || !user.totpEnabled) {
        throw new AppError('unauthenticated', 'Sign in with your e-mail and password first');
      }
      const keys = [accountKey(user.email), ipKey(request.ip)];
      await throttle.assertNotLocked(keys);
      const now = clock.now();
      const body = request.body;
      const usingCode = 'code' in body;
      const ok = usingCode
        ? await consumeTotpCode(db, user, body.code, now)
        : await useRecoveryCode(db, user.id, body.recoveryCode, now);
      if (!ok) {
        await throttle.recordFailure(userAudit(request, user.id), keys, user.id);
        throw new AppError('unauthenticated', 'Wrong or already used code', [
          { field: usingCode ? 'body.code' : 'body.recoveryCode', message: 'Wrong or already used code' },
        ]);
      }
      const previous = await findSession(db, pending.sessionId);
      // A new session id once the second factor is proven: a cookie planted before sign-in never becomes useful.
      const session = await db.transaction(async (tx) => {
        await deleteSession(tx, pending.sessionId);
        const created = await createSession(tx, clock, config, {
          userId: user.id,
          pendingTotp: false,
          currentOrganizationId: previous?.currentOrganizationId ?? null,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
        await throttle.reset(tx, accountKey(user.email));
        await recordAudit(tx, userAudit(request, user.id), {
          organizationId: null,
          action: 'auth.login',
          objectType: 'user',
          objectId: user.id,
          changes: usingCode
            ? { method: 'totp' }
            : { method: 'recovery_code', recoveryCodesLeft: await remainingRecoveryCodes(tx, user.id) },
        });
        return created;
      });
      setSessionCookie(request, reply, config, session);
      return { status: 'signed_in' as const, csrfToken: session.csrfToken };
    },
  );
}
