import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import { pendingMigrationCount } from '../db/migrate.js';

export interface ReadinessProbe {
  name: string;
  check(): Promise<boolean>;
}

/** `/health`: the process answers. `/ready`: the database answers, is migrated, and every probe is up. */
export function registerHealth(app: FastifyInstance, database: DatabaseHandle, probes: ReadinessProbe[]) {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, boolean> = {};
    try {
      await database.query('select 1');
      checks.database = true;
      checks.migrations = (await pendingMigrationCount(database)) === 0;
    } catch {
      checks.database = false;
      checks.migrations = false;
    }
    for (const probe of probes) checks[probe.name] = await probe.check().catch(() => false);
    const ready = Object.values(checks).every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
}
