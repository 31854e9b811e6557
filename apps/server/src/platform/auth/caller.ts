import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Who is calling: set by the authentication hook from a session cookie or a bearer token. */
export interface Caller {
  userId: string;
  email: string;
  kind: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /**
   * The organisation this request acts in: the `X-Organization-Id` header, else the token's organisation, else
   * the session's current organisation. Null when the user belongs to none yet.
   */
  organizationId: string | null;
  totpEnabled: boolean;
  /** The organisation acted in requires two-factor authentication and this user has not enrolled yet. */
  mustEnrolTotp?: boolean;
}

export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('unauthenticated', 'Sign in or send a valid API token');
  return request.caller;
}

/** The caller and the organisation they act in; a request without one cannot touch tenant data. */
export function requireOrgCaller(request: FastifyRequest): Caller & { organizationId: string } {
  const caller = requireCaller(request);
  if (!caller.organizationId) {
    throw new AppError('bad_request', 'No organisation selected: send X-Organization-Id or pick one in your session');
  }
  if (caller.mustEnrolTotp) {
    throw new AppError(
      'totp_enrollment_required',
      'This organisation requires two-factor authentication: enrol an authenticator app (POST /auth/totp/enroll)',
    );
  }
  return caller as Caller & { organizationId: string };
}
