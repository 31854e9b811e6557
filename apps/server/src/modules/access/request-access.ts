import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Access, accessFor } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The caller's permissions in the organisation the request acts in, loaded once per request however often
     * it is asked for. Refuses as `requireOrgCaller` does (401 without a caller, 400 without an organisation, 403
     * while a required second factor is not enrolled).
     */
    access(): Promise<Access>;
  }
}

const loaded = new WeakMap<FastifyRequest, Promise<Access>>();

/** Installs `request.access()` on every request of the app (after the authentication hook set the caller). */
export function decorateRequestAccess(app: FastifyInstance, db: DbOrTx) {
  app.decorateRequest('access', function access(this: FastifyRequest) {
    const caller = requireOrgCaller(this);
    let access = loaded.get(this);
    if (!access) {
      access = accessFor(db, caller);
      loaded.set(this, access);
    }
    return access;
  });
}
