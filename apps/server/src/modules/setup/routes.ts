import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, passwordProblems } from '../../platform/auth/password.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { createSession, setSessionCookie } from '../auth/index.js';
import { createOrganization } from '../organizations/index.js';
import { countUsers, displayNameSchema, emailSchema, insertUser } from '../users/index.js';

const setupBody = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  password: z.string().max(200),
  organizationName: z.string().trim().min(1).max(200),
});

/**
 * First-run setup: on an empty installation anyone who can reach the server creates the first owner and
 * organisation. Refused (409) as soon as one user exists, so it cannot be replayed later.
 */
export const setupModule: ModuleDefinition = {
  name: 'setup',
  register(app, { db, clock, config }) {
    app.get(
      '/setup',
      {
        schema: {
          operationId: 'getSetupStatus',
          tags: ['setup'],
          description: 'Whether this installation still needs its first administrator.',
          security: [],
          response: { 200: z.object({ needsSetup: z.boolean() }) },
        },
      },
      async () => ({ needsSetup: (await countUsers(db)) === 0 }),
    );

    app.post(
      '/setup',
      {
        schema: {
          operationId: 'runSetup',
          tags: ['setup'],
          description: 'Creates the first owner and organisation and signs them in. 409 once a user exists.',
          security: [],
          body: setupBody,
          response: {
            201: z.object({
              userId: z.uuid(),
              organizationId: z.uuid(),
              rootFolderId: z.uuid(),
              csrfToken: z.string(),
            }),
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const problems = passwordProblems(body.password, body.email);
        if (problems.length > 0) {
          throw new AppError(
            'validation_failed',
            'The password is too weak',
            problems.map((message) => ({ field: 'body.password', message })),
          );
        }
        const passwordHash = await hashPassword(body.password);
        const result = await db.transaction(async (tx) => {
          // Two simultaneous first-run requests: one wins, the other sees a user and gets 409.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rampart.setup'))`);
          if ((await countUsers(tx)) > 0) throw new AppError('setup_done', 'This installation is already set up');
          const user = await insertUser(tx, {
            email: body.email,
            displayName: body.displayName,
            passwordHash,
          });
          const audit = { ...request.audit, actorUserId: user.id, actorType: 'user' as const };
          const { organization, rootFolderId } = await createOrganization(tx, audit, {
            name: body.organizationName,
            ownerUserId: user.id,
          });
          await recordAudit(tx, audit, {
            organizationId: organization.id,
            action: 'user.created',
            objectType: 'user',
            objectId: user.id,
            changes: { email: { after: user.email }, displayName: { after: user.displayName }, via: 'setup' },
          });
          const session = await createSession(tx, clock, config, {
            userId: user.id,
            pendingTotp: false,
            currentOrganizationId: organization.id,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          return { user, organization, rootFolderId, session };
        });
        setSessionCookie(request, reply, config, result.session);
        return reply.status(201).send({
          userId: result.user.id,
          organizationId: result.organization.id,
          rootFolderId: result.rootFolderId,
          csrfToken: result.session.csrfToken,
        });
      },
    );
  },
};
