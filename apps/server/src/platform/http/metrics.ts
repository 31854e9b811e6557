import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/client.js';
import { AppError } from '../errors.js';
import { countRunsByStatus } from '../jobs/runs.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of the presented bearer token with the configured one (hashed: equal lengths). */
function presentsToken(authorization: string | undefined, token: string) {
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * Prometheus metrics on `GET /metrics`. Each app has its own registry (never prom-client's global one), so a
 * test process can build several apps. Routes are labelled by their pattern (`/api/v1/folders/:id`), never
 * the raw URL, which would give one series per id. With `metricsToken` set (METRICS_TOKEN) the endpoint needs
 * `Authorization: Bearer <token>`: route names, volumes and queue depths are not for the public internet.
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: { database: DatabaseHandle; metricsToken?: string | undefined },
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'rampart_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pool = deps.database.pool;
  new Gauge({
    name: 'rampart_db_pool_connections',
    help: 'node-postgres pool connections by state (total, idle, waiting clients); absent on the embedded database',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  new Gauge({
    name: 'rampart_job_runs',
    help: 'Job runs waiting or in progress (queue depth), by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await countRunsByStatus(deps.database.db)).map((c) => [c.status, Number(c.count)]));
      for (const status of ['queued', 'running'] as const) this.set({ status }, counts.get(status) ?? 0);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    duration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (deps.metricsToken && !presentsToken(request.headers.authorization, deps.metricsToken)) {
      throw new AppError('unauthenticated', 'GET /metrics needs the scraper token (Authorization: Bearer …)', [], {
        'www-authenticate': 'Bearer realm="metrics"',
      });
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });

  return registry;
}
