import { z } from 'zod';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { decodeCursor } from '../../../platform/http/pagination.js';
import { frameworkIdParams } from '../contracts.js';
import {
  listMappingRulesQuery,
  listMappingSetsQuery,
  mappingRulePage,
  mappingSetIdParams,
  mappingSetPage,
  mappingSetSchema,
} from './contracts.js';
import { createMappingSetService } from './service.js';

/** Read access to the library's mapping sets (NIST OLIR relationships between two frameworks' requirements). */
export function registerMappingSets(app: TypedApp, ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  const service = createMappingSetService({ db });
  const tags = ['mapping-sets'];

  app.get(
    '/mapping-sets',
    {
      schema: {
        operationId: 'listMappingSets',
        tags,
        description:
          'Mapping sets of the library and those the organisation imported, by name, each with the loaded ' +
          'frameworks its source and target URNs name (null when not loaded). Needs mapping_set:read somewhere ' +
          'in the organisation.',
        querystring: listMappingSetsQuery,
        response: { 200: mappingSetPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/frameworks/:id/mapping-sets',
    {
      schema: {
        operationId: 'listFrameworkMappingSets',
        tags,
        description:
          'The mapping sets that connect this framework to another: those whose source or target URN is the ' +
          'framework’s URN, whichever version of it is loaded. Needs mapping_set:read somewhere.',
        params: frameworkIdParams,
        querystring: listMappingSetsQuery,
        response: { 200: mappingSetPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.forFramework(await request.access(), request.params.id, {
        ...query,
        cursor: decodeCursor(cursor),
      });
    },
  );

  app.get(
    '/mapping-sets/:id',
    {
      schema: {
        operationId: 'getMappingSet',
        tags,
        description: 'One mapping set with its description and the frameworks it connects.',
        params: mappingSetIdParams,
        response: { 200: mappingSetSchema },
      },
    },
    async (request) => {
      return service.get(await request.access(), request.params.id);
    },
  );

  app.get(
    '/mapping-sets/:id/rules',
    {
      schema: {
        operationId: 'listMappingRules',
        tags,
        description:
          'The rules of a mapping set by source requirement URN, each with the source and target requirement’s ' +
          'ref id and name when its framework is loaded (null otherwise). Filters: relationship, source or ' +
          'target requirement URN.',
        params: mappingSetIdParams,
        querystring: listMappingRulesQuery,
        response: { 200: mappingRulePage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.rules(await request.access(), request.params.id, {
        ...query,
        cursor: decodeCursor(cursor),
      });
    },
  );

  app.delete(
    '/mapping-sets/:id',
    {
      schema: {
        operationId: 'deleteMappingSet',
        tags,
        description:
          'Deletes a mapping set the organisation imported, with its rules (needs mapping_set:delete on the root ' +
          'folder). Library entries shipped with Rampart cannot be deleted (403).',
        params: mappingSetIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(await request.access(), request.audit, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
