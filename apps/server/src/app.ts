import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { decorateRequestAccess } from './modules/access/request-access.js';
import { decorateRequestAudit } from './modules/audit/record.js';
import { registerAuthentication } from './modules/auth/authenticate.js';
import { modules } from './modules/index.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { AppContext, TypedApp } from './platform/context.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { registerCompression } from './platform/http/compression.js';
import { type ReadinessProbe, registerHealth } from './platform/http/health.js';
import { registerMetrics } from './platform/http/metrics.js';
import { withProblemResponses } from './platform/http/openapi-errors.js';
import { registerProblemHandlers } from './platform/http/problem.js';
import { registerTextGuard } from './platform/http/text-guard.js';
import { createJobService, type JobService } from './platform/jobs/service.js';
import { jobsReadinessProbe } from './platform/jobs/worker.js';
import { UsageHooks } from './platform/usage.js';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  probes?: ReadinessProbe[];
  /** Made here when not given; either way `app.close()` stops it. Start its workers with `startWorker`. */
  jobs?: JobService;
}

const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP application on an open, migrated database. Starting the listener is the caller's business. */
export async function buildApp(options: BuildAppOptions): Promise<TypedApp> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as TypedApp;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandlers(app);
  registerTextGuard(app);
  registerMetrics(app, { database, metricsToken: config.metricsToken });

  const clock = options.clock ?? systemClock;
  const jobs = options.jobs ?? createJobService({ database, clock, log: app.log });
  app.addHook('onClose', () => jobs.stop());
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock,
    log: app.log,
    jobs,
    usage: new UsageHooks(modules.flatMap((module) => module.answers ?? [])),
  };

  await registerCompression(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rampart API',
        version: '1',
        description:
          'Security governance, risk and compliance. Authenticate with the session cookie (writes need the ' +
          '`X-CSRF-Token` header) or `Authorization: Bearer <API token>`. Select the organisation with ' +
          '`X-Organization-Id`. Errors are RFC 9457 `application/problem+json`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rampart_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: withProblemResponses(jsonSchemaTransform),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthentication(app, { db: ctx.db, clock: ctx.clock });
  decorateRequestAccess(app, ctx.db);
  decorateRequestAudit(app);
  registerHealth(app, database, [...(options.probes ?? []), jobsReadinessProbe(jobs)]);

  await app.register(
    async (api) => {
      for (const module of modules) await module.register(api as TypedApp, ctx);
    },
    { prefix: '/api/v1' },
  );

  return app;
}
