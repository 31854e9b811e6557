import { eq, sql } from 'drizzle-orm';
import { verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { findUserById, users } from '../users/index.js';
import { recoveryCodes } from './tables.js';
import { accountKey, ipKey, type LoginThrottle } from './throttle.js';
import { consumeTotpCode, enrolmentOf, newTotpSecret, replaceRecoveryCodes } from './totp.js';

type Deps = Pick<AppContext, 'db' | 'clock'> & { throttle: LoginThrottle };
interface Actor {
  userId: string;
  ip: string;
  audit: AuditContext;
}

/** Enrolling, confirming, disabling TOTP and regenerating recovery codes for the signed-in user. */
export function createTotpService(deps: Deps) {
  const { db, clock, throttle } = deps;

  async function loadUser(userId: string) {
    const user = await findUserById(db, userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in again');
    return user;
  }

  /**
   * Checks a TOTP code for an action on an account that already has TOTP. A wrong code counts as a failed
   * sign-in: a stolen session must not become an oracle for guessing codes.
   */
  async function requireCode(
    actor: Actor,
    user: { id: string; email: string; totpSecret: string | null },
    code: string,
  ) {
    const keys = [accountKey(user.email), ipKey(actor.ip)];
    await throttle.assertNotLocked(keys);
    if (await consumeTotpCode(db, user, code, clock.now())) return;
    await throttle.recordFailure(actor.audit, keys, user.id);
    throw invalid('body.code', 'Wrong or already used code');
  }

  const setTotpColumns = (values: { totpSecret?: string | null; totpEnabled?: boolean }) => ({
    ...values,
    updatedAt: sql`now()`,
  });

  return {
    async enroll(actor: Actor) {
      const user = await loadUser(actor.userId);
      if (user.totpEnabled) throw conflict('Two-factor authentication is already on; disable it first');
      const secret = newTotpSecret();
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set(setTotpColumns({ totpSecret: secret }))
          .where(eq(users.id, user.id));
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.totp_enrolment_started',
          objectType: 'user',
          objectId: user.id,
        });
      });
      return enrolmentOf(user.email, secret);
    },

    async confirm(actor: Actor, code: string) {
      const user = await loadUser(actor.userId);
      if (user.totpEnabled) throw conflict('Two-factor authentication is already on');
      if (!user.totpSecret) throw conflict('Start with POST /auth/totp/enroll');
      // Not throttled: the caller already holds the secret, a guessed code would give them nothing.
      if (!(await consumeTotpCode(db, user, code, clock.now()))) {
        throw invalid('body.code', 'Wrong code: check the time on your device and try the next code');
      }
      return db.transaction(async (tx) => {
        await tx
          .update(users)
          .set(setTotpColumns({ totpEnabled: true }))
          .where(eq(users.id, user.id));
        const codes = await replaceRecoveryCodes(tx, user.id);
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.totp_enabled',
          objectType: 'user',
          objectId: user.id,
        });
        return { recoveryCodes: codes };
      });
    },

    async disable(actor: Actor, input: { password: string; code: string }) {
      const user = await loadUser(actor.userId);
      if (!user.totpEnabled) throw conflict('Two-factor authentication is not on');
      const keys = [accountKey(user.email), ipKey(actor.ip)];
      await throttle.assertNotLocked(keys);
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        await throttle.recordFailure(actor.audit, keys, user.id);
        throw invalid('body.password', 'Wrong password');
      }
      await requireCode(actor, user, input.code);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set(setTotpColumns({ totpEnabled: false, totpSecret: null }))
          .where(eq(users.id, user.id));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.totp_disabled',
          objectType: 'user',
          objectId: user.id,
        });
      });
    },

    async regenerateRecoveryCodes(actor: Actor, code: string) {
      const user = await loadUser(actor.userId);
      if (!user.totpEnabled) throw conflict('Two-factor authentication is not on');
      await requireCode(actor, user, code);
      return db.transaction(async (tx) => {
        const codes = await replaceRecoveryCodes(tx, user.id);
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.recovery_codes_regenerated',
          objectType: 'user',
          objectId: user.id,
        });
        return { recoveryCodes: codes };
      });
    },
  };
}
