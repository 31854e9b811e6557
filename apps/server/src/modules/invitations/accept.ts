import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/caller.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { Transaction } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { roleBindings } from '../access/index.js';
import { type AuditContext, createdFields, recordAudit } from '../audit/index.js';
import {
  accountKey,
  assertPasswordAcceptable,
  createSession,
  findSession,
  ipKey,
  type LoginThrottle,
  type NewSession,
  sessions,
} from '../auth/index.js';
import { memberships } from '../organizations/index.js';
import { findUserByEmail, insertUser } from '../users/index.js';
import * as q from './queries.js';
import { invitations } from './tables.js';

type Deps = Pick<AppContext, 'db' | 'clock' | 'config'> & { throttle: LoginThrottle };

export interface AcceptRequest {
  caller: Caller | null;
  ip: string;
  userAgent: string | null;
  audit: AuditContext;
}

/** Looking an invitation up from its link, and accepting it: joining the organisation and signing in. */
export function createAcceptService(deps: Deps) {
  const { db, clock, config, throttle } = deps;

  async function loadOpen(token: string) {
    const row = await q.findInvitationByToken(db, sha256Hex(token), clock.now());
    if (!row) throw notFound('Invitation');
    if (row.status !== 'pending') {
      throw new AppError('gone', `This invitation is ${row.status}; ask for a new one`);
    }
    return row;
  }

  /**
   * Who accepts: an existing account must prove it is theirs (signed in as that e-mail, or its password); a new
   * account chooses a password. Returns the existing user or what to create.
   */
  async function resolveAccount(request: AcceptRequest, email: string, input: { password?: string }) {
    const existing = await findUserByEmail(db, email);
    if (!existing) {
      if (!input.password) throw invalid('body.password', 'Choose a password for your new account');
      assertPasswordAcceptable(input.password, email, 'body.password');
      return { existing: null, passwordHash: await hashPassword(input.password), signedIn: false };
    }
    if (existing.disabled) throw forbidden('This account is disabled');
    // Only a browser session counts as "signed in": an API token must not turn into a session cookie.
    if (request.caller?.kind === 'session' && request.caller.userId === existing.id) {
      return { existing, passwordHash: null, signedIn: true };
    }
    if (!input.password) {
      if (request.caller) throw forbidden(`You are signed in as another account; sign in as ${email} to accept`);
      throw new AppError('unauthenticated', `${email} already has an account: sign in or enter its password`);
    }
    const keys = [accountKey(email), ipKey(request.ip)];
    await throttle.assertNotLocked(keys);
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      await throttle.recordFailure(request.audit, keys, existing.id);
      throw new AppError('unauthenticated', 'Wrong password', [{ field: 'body.password', message: 'Wrong password' }]);
    }
    return { existing, passwordHash: null, signedIn: false };
  }

  return {
    async lookup(token: string) {
      const row = await loadOpen(token);
      return {
        organizationName: row.organizationName,
        email: row.email,
        roleName: row.roleName,
        roleKey: row.roleKey,
        folderName: row.folderName,
        invitedByName: row.invitedByName,
        accountExists: (await findUserByEmail(db, row.email)) !== null,
        expiresAt: row.expiresAt,
      };
    },

    async accept(request: AcceptRequest, input: { token: string; displayName?: string; password?: string }) {
      const invitation = await loadOpen(input.token);
      const account = await resolveAccount(request, invitation.email, input);
      const now = clock.now();
      const outcome = await db.transaction(async (tx) => {
        const user =
          account.existing ??
          (await insertUser(tx, {
            email: invitation.email,
            displayName: input.displayName ?? invitation.email.split('@')[0] ?? invitation.email,
            passwordHash: account.passwordHash,
          }).catch((error: unknown) => {
            throw isUniqueViolation(error) ? conflict('An account with this e-mail was just created; sign in') : error;
          }));
        const actor: AuditContext = { ...request.audit, actorUserId: user.id, actorType: 'user', actorTokenId: null };
        // The conditional update is the one-time check: a second acceptance (or a revocation) in between loses.
        const claimed = await tx
          .update(invitations)
          .set({ acceptedAt: now, acceptedBy: user.id })
          .where(
            and(
              eq(invitations.id, invitation.id),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
              gt(invitations.expiresAt, now),
            ),
          )
          .returning({ id: invitations.id });
        if (claimed.length === 0) throw new AppError('gone', 'This invitation is no longer open; ask for a new one');
        if (!account.existing) {
          await recordAudit(tx, actor, {
            organizationId: null,
            action: 'user.created',
            objectType: 'user',
            objectId: user.id,
            changes: createdFields({ email: user.email, displayName: user.displayName, via: 'invitation' }),
          });
        }
        await tx
          .insert(memberships)
          .values({ organizationId: invitation.organizationId, userId: user.id })
          .onConflictDoNothing();
        const [duplicate] = await tx
          .select({ id: roleBindings.id })
          .from(roleBindings)
          .where(
            and(
              eq(roleBindings.organizationId, invitation.organizationId),
              eq(roleBindings.folderId, invitation.folderId),
              eq(roleBindings.roleId, invitation.roleId),
              eq(roleBindings.userId, user.id),
            ),
          );
        if (!duplicate) {
          await tx.insert(roleBindings).values({
            organizationId: invitation.organizationId,
            folderId: invitation.folderId,
            roleId: invitation.roleId,
            userId: user.id,
          });
        }
        await recordAudit(tx, actor, {
          organizationId: invitation.organizationId,
          folderId: invitation.folderId,
          action: 'invitation.accepted',
          objectType: 'invitation',
          objectId: invitation.id,
          changes: {
            email: invitation.email,
            userId: user.id,
            roleId: invitation.roleId,
            newAccount: !account.existing,
          },
        });
        return signInAfterAccept(tx, request, user, invitation.organizationId, account.signedIn);
      });
      return { ...outcome, organizationId: invitation.organizationId };
    },
  };

  /**
   * Already signed in: the session moves to the new organisation. Otherwise a new session, pending its TOTP code
   * when the account has one (a password alone must never get past the second factor).
   */
  async function signInAfterAccept(
    tx: Transaction,
    request: AcceptRequest,
    user: { id: string; totpEnabled: boolean },
    organizationId: string,
    signedIn: boolean,
  ): Promise<{ status: 'signed_in' | 'totp_required'; csrfToken: string | null; session: NewSession | null }> {
    const sessionId = request.caller?.sessionId;
    if (signedIn && sessionId) {
      await tx.update(sessions).set({ currentOrganizationId: organizationId }).where(eq(sessions.id, sessionId));
      const current = await findSession(tx, sessionId);
      return { status: 'signed_in', csrfToken: current?.csrfToken ?? null, session: null };
    }
    const pendingTotp = user.totpEnabled && !signedIn;
    const session = await createSession(tx, clock, config, {
      userId: user.id,
      pendingTotp,
      currentOrganizationId: organizationId,
      ip: request.ip,
      userAgent: request.userAgent,
    });
    return pendingTotp
      ? { status: 'totp_required', csrfToken: null, session }
      : { status: 'signed_in', csrfToken: session.csrfToken, session };
  }
}
