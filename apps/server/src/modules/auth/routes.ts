import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { accessFor, hasOrganizationAccess } from '../access/index.js';
import { listOrganizationsOfUser } from '../organizations/index.js';
import { findUserById } from '../users/index.js';
import { meResponse } from './contracts.js';
import { registerAuthHousekeeping } from './housekeeping.js';
import { registerLoginRoutes } from './login.js';
import { registerPasswordRoutes } from './password-routes.js';
import { clearSessionCookie, deleteSession, findSession } from './sessions.js';
import { sessions } from './tables.js';
import { createLoginThrottle } from './throttle.js';
import { registerTotpRoutes } from './totp-routes.js';

export const authModule: ModuleDefinition = {
  name: 'auth',
  register(app, { db, clock, config, jobs }) {
    const throttle = createLoginThrottle({ db, clock });
    registerAuthHousekeeping(jobs, { db, clock });
    registerLoginRoutes(app, { db, clock, config, throttle });
    registerTotpRoutes(app, { db, clock, throttle });
    registerPasswordRoutes(app, { db, clock, config, throttle });

    app.post(
      '/auth/logout',
      {
        schema: {
          operationId: 'logout',
          tags: ['auth'],
          description: 'Ends the current session (also a session still waiting for its TOTP code).',
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const sessionId = request.caller?.sessionId ?? request.pendingTotpSession?.sessionId;
        if (sessionId) await deleteSession(db, sessionId);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          operationId: 'getMe',
          tags: ['auth'],
          description: 'The signed-in user, the organisations they can enter, and the CSRF token for writes.',
          response: { 200: meResponse },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        const user = await findUserById(db, caller.userId);
        if (!user) throw new AppError('unauthenticated', 'Sign in again');
        const session = caller.sessionId ? await findSession(db, caller.sessionId) : null;
        const organizations = await listOrganizationsOfUser(db, caller.userId);
        return {
          user: {
            id: user.id,
            email: user.email,
            displayName: user.displayName,
            locale: user.locale,
            totpEnabled: user.totpEnabled,
          },
          csrfToken: session?.csrfToken ?? null,
          currentOrganizationId: caller.organizationId,
          permissions: caller.organizationId
            ? (await accessFor(db, { userId: caller.userId, organizationId: caller.organizationId })).summary()
            : null,
          organizations: organizations.map((o) => ({
            id: o.id,
            name: o.name,
            guest: o.guest,
            requireTotp: o.require_totp,
            rootFolderId: o.root_folder_id,
          })),
        };
      },
    );

    app.put(
      '/auth/current-organization',
      {
        schema: {
          operationId: 'switchOrganization',
          tags: ['auth'],
          description: 'Remembers the organisation the session works in (the organisation switcher).',
          body: z.strictObject({ organizationId: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request);
        if (!caller.sessionId) throw new AppError('bad_request', 'API tokens are bound to one organization');
        if (!(await hasOrganizationAccess(db, caller.userId, request.body.organizationId))) {
          throw notFound('Organization');
        }
        await db
          .update(sessions)
          .set({ currentOrganizationId: request.body.organizationId })
          .where(eq(sessions.id, caller.sessionId));
        return reply.status(204).send(null);
      },
    );
  },
};
