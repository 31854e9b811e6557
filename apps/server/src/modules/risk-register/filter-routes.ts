import { z } from 'zod';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { createFilterBody, filterIdParams, savedFilterList, savedFilterSchema } from './contracts.js';
import type { RiskRegisterService } from './service.js';

/** The caller's own saved register filters: nobody sees or deletes another person's. */
export function registerFilterRoutes(app: TypedApp, deps: { db: Database; service: RiskRegisterService }) {
  const { service } = deps;
  const tags = ['risk-register'];

  app.get(
    '/risk-register-filters',
    {
      schema: {
        operationId: 'listRiskRegisterFilters',
        tags,
        description: 'The caller’s saved filters of the risk register in this organisation, by name.',
        response: { 200: savedFilterList },
      },
    },
    async (request) => service.listFilters(await request.access()),
  );

  app.post(
    '/risk-register-filters',
    {
      schema: {
        operationId: 'createRiskRegisterFilter',
        tags,
        description:
          'Saves a filter of the risk register for the caller: a name and the register’s URL search string ' +
          '(a leading `?` is dropped). At most 100 per person.',
        body: createFilterBody,
        response: { 201: savedFilterSchema },
      },
    },
    async (request, reply) => {
      const saved = await service.createFilter(await request.access(), request.audit, request.body);
      return reply.status(201).send(saved);
    },
  );

  app.delete(
    '/risk-register-filters/:id',
    {
      schema: {
        operationId: 'deleteRiskRegisterFilter',
        tags,
        description: 'Deletes one of the caller’s saved filters (anyone else’s answers 404).',
        params: filterIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteFilter(await request.access(), request.audit, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
