import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, invalid } from '../../platform/errors.js';
import { queueEmail } from '../../platform/mail/outbox.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import { findUserByEmail, findUserById, users } from '../users/index.js';
import { deleteUserSessions } from './sessions.js';
import { passwordResetTokens } from './tables.js';
import { accountKey, ipKey, type LoginThrottle } from './throttle.js';

const RESET_TTL_MS = 60 * 60_000;
/** More open reset links than this in an hour and further requests are dropped: no mailbox flooding. */
const MAX_OPEN_RESETS = 3;

type Deps = Pick<AppContext, 'db' | 'clock' | 'config'> & { throttle: LoginThrottle };

/** The new password must follow the rules; every problem is reported on the field. */
export function assertPasswordAcceptable(password: string, email: string, field = 'body.newPassword') {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      'The request is not valid',
      problems.map((message) => ({ field, message })),
    );
  }
}

const goneLink = () =>
  new AppError('gone', 'This password reset link is not valid any more (used, expired or replaced); ask for a new one');

export function createPasswordService(deps: Deps) {
  const { db, clock, config, throttle } = deps;

  async function setPassword(tx: DbOrTx, userId: string, passwordHash: string) {
    const now = clock.now();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    // Any reset link still open was meant for the old password.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  }

  return {
    async change(
      actor: { userId: string; sessionId: string; ip: string; audit: AuditContext },
      input: { currentPassword: string; newPassword: string },
    ) {
      const user = await findUserById(db, actor.userId);
      if (!user) throw new AppError('unauthenticated', 'Sign in again');
      const keys = [accountKey(user.email), ipKey(actor.ip)];
      await throttle.assertNotLocked(keys);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await throttle.recordFailure(actor.audit, keys, user.id);
        throw invalid('body.currentPassword', 'Wrong password');
      }
      assertPasswordAcceptable(input.newPassword, user.email);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await setPassword(tx, user.id, passwordHash);
        // Whoever else holds a session may be the reason for the change: only this one stays.
        await deleteUserSessions(tx, user.id, actor.sessionId);
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.password_changed',
          objectType: 'user',
          objectId: user.id,
        });
      });
    },

    /** Always succeeds from the outside, whether or not the address has an account (no enumeration). */
    async requestReset(audit: AuditContext, email: string) {
      const user = await findUserByEmail(db, email);
      if (!user || user.disabled) return;
      const now = clock.now();
      const [open] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(passwordResetTokens)
        .where(
          and(
            eq(passwordResetTokens.userId, user.id),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, now),
          ),
        );
      if (Number(open?.n ?? 0) >= MAX_OPEN_RESETS) return;
      const token = randomToken();
      const link = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await db.transaction(async (tx) => {
        await tx.insert(passwordResetTokens).values({
          userId: user.id,
          tokenHash: sha256Hex(token),
          expiresAt: new Date(now.getTime() + RESET_TTL_MS),
          createdAt: now,
        });
        await queueEmail(tx, {
          organizationId: null,
          to: user.email,
          subject: 'Reset your Rampart password',
          text:
            `Hello ${user.displayName},\n\nSomeone (hopefully you) asked to reset the password of your Rampart ` +
            `account. Open this link within one hour to choose a new password:\n\n${link}\n\n` +
            'If you did not ask for this, ignore this message: your password stays as it is.\n',
        });
        await recordAudit(tx, audit, {
          organizationId: null,
          action: 'auth.password_reset_requested',
          objectType: 'user',
          objectId: user.id,
        });
      });
    },

    /** Sets the new password from an e-mailed link and signs the account out everywhere. */
    async confirmReset(audit: AuditContext, input: { token: string; newPassword: string }) {
      const now = clock.now();
      const [row] = await db
        .select()
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.tokenHash, sha256Hex(input.token)));
      if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) throw goneLink();
      const user = await findUserById(db, row.userId);
      if (!user || user.disabled) throw goneLink();
      assertPasswordAcceptable(input.newPassword, user.email);
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        // The conditional update is the one-time check: two concurrent confirmations cannot both pass.
        const claimed = await tx
          .update(passwordResetTokens)
          .set({ usedAt: now })
          .where(and(eq(passwordResetTokens.id, row.id), isNull(passwordResetTokens.usedAt)))
          .returning({ id: passwordResetTokens.id });
        if (claimed.length === 0) throw goneLink();
        await setPassword(tx, user.id, passwordHash);
        await deleteUserSessions(tx, user.id);
        await throttle.reset(tx, accountKey(user.email));
        await recordAudit(
          tx,
          { ...audit, actorUserId: user.id, actorType: 'user' },
          { organizationId: null, action: 'auth.password_reset', objectType: 'user', objectId: user.id },
        );
      });
    },

    async logoutEverywhere(actor: { userId: string; audit: AuditContext }) {
      await db.transaction(async (tx) => {
        await deleteUserSessions(tx, actor.userId);
        await recordAudit(tx, actor.audit, {
          organizationId: null,
          action: 'auth.logged_out_everywhere',
          objectType: 'user',
          objectId: actor.userId,
        });
      });
    },
  };
}
