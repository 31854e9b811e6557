import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { auditEventPage, chainReportSchema, exportAuditEventsQuery, listAuditEventsQuery } from './contracts.js';
import { contentTypes, encodeEvents } from './formats.js';
import { createAuditService } from './service.js';

export const auditModule: ModuleDefinition = {
  name: 'audit',
  register(app, { db, clock }) {
    const service = createAuditService({ db, clock });
    const tags = ['audit'];

    app.get(
      '/audit-events',
      {
        schema: {
          operationId: 'listAuditEvents',
          tags,
          description:
            'The audit trail, newest first. Organisation-wide readers (audit_event:read on the root folder) see ' +
            'every event; others see the events of the folders where they hold audit_event:read.',
          querystring: listAuditEventsQuery,
          response: { 200: auditEventPage },
        },
      },
      async (request) => {
        return service.list(await request.access(), request.query);
      },
    );

    app.get(
      '/audit-events/verify',
      {
        schema: {
          operationId: 'verifyAuditChain',
          tags,
          description:
            'Re-computes the organisation’s hash chain from the first event and reports the first event that was ' +
            'edited, removed or re-linked (needs audit_event:read on the root folder).',
          response: { 200: chainReportSchema },
        },
      },
      async (request) => {
        return service.verify(await request.access());
      },
    );

    app.get(
      '/audit-events/export',
      {
        schema: {
          operationId: 'exportAuditEvents',
          tags,
          description:
            'Every event matching the filters, newest first, streamed as CSV (cells that a spreadsheet would run as ' +
            'a formula are prefixed with an apostrophe) or as JSON Lines (one event per line, exactly as listed). ' +
            'The export itself is recorded in the trail.',
          querystring: exportAuditEventsQuery,
          produces: [contentTypes.csv, contentTypes.jsonl],
          response: { 200: z.string().describe('The file') },
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query;
        const events = await service.export(await request.access(), request.audit, format, filters);
        const stamp = clock.now().toISOString().slice(0, 10);
        return (
          reply
            .header('content-type', contentTypes[format])
            .header('content-disposition', `attachment; filename="audit-events-${stamp}.${format}"`)
            .header('cache-control', 'no-store')
            // Streams skip the serializer; the response schema only documents the file for the OpenAPI reader.
            .send(encodeEvents(events, format) as unknown as string)
        );
      },
    );
  },
};
