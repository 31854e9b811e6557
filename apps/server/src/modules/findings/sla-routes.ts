import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { findingSlasSchema, updateSlasBody } from './contracts.js';
import { createSlaService } from './sla-service.js';

export function registerSlaRoutes(app: TypedApp, deps: { db: Database }) {
  const service = createSlaService(deps);
  const tags = ['findings'];

  app.get(
    '/finding-slas',
    {
      schema: {
        operationId: 'getFindingSlas',
        tags,
        description:
          "The organisation's days to fix a finding per severity (defaults until saved: critical 7, high 30, " +
          'medium 90, low 180, info none). Needs finding:read somewhere.',
        response: { 200: findingSlasSchema },
      },
    },
    async (request) => service.read(await request.access()),
  );

  app.put(
    '/finding-slas',
    {
      schema: {
        operationId: 'updateFindingSlas',
        tags,
        description:
          'Replaces the days per severity (1–3650, or null for no due date). Needs finding:update on the whole ' +
          'organisation. New findings (and computed due dates recomputed on a severity change) use them; existing ' +
          'due dates stay. Send the version (0 over the defaults).',
        body: updateSlasBody,
        response: { 200: findingSlasSchema },
      },
    },
    async (request) =>
      service.update(
        await request.access(),
        request.audit,
        expectedVersion(request, request.body.version),
        request.body.days,
      ),
  );
}
