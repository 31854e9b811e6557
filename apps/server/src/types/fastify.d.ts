import type { Caller } from '../platform/auth/caller.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null for anonymous requests. */
    caller: Caller | null;
    /** A session that passed the password step and still owes its TOTP code. */
    pendingTotpSession: { sessionId: string; userId: string } | null;
  }
}
