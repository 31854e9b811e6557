import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { ensureBuiltinLibrary } from './builtin/loader.js';
import {
  frameworkIdParams,
  frameworkPage,
  frameworkSchema,
  listFrameworksQuery,
  listRequirementsQuery,
  requirementParams,
  requirementSchema,
  requirementTree,
} from './contracts.js';
import { registerLibraryImports } from './imports/routes.js';
import { registerMappingSets } from './mapping-sets/routes.js';
import { registerReferenceControls } from './reference-controls/routes.js';
import { createFrameworkService } from './service.js';

export const frameworksModule: ModuleDefinition = {
  name: 'frameworks',
  prepare: async (db) => {
    await ensureBuiltinLibrary(db);
  },
  async register(app, ctx) {
    const { db } = ctx;
    const service = createFrameworkService({ db, usage: ctx.usage });
    const tags = ['frameworks'];

    app.get(
      '/frameworks',
      {
        schema: {
          operationId: 'listFrameworks',
          tags,
          description:
            'Frameworks of the library (shipped with Rampart) and those the organisation imported, by name. ' +
            'Needs framework:read somewhere in the organisation.',
          querystring: listFrameworksQuery,
          response: { 200: frameworkPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/frameworks/:id',
      {
        schema: {
          operationId: 'getFramework',
          tags,
          description: 'One framework version with its implementation groups, scoring scale and counts.',
          params: frameworkIdParams,
          response: { 200: frameworkSchema },
        },
      },
      async (request) => {
        return service.get(await request.access(), request.params.id);
      },
    );

    app.get(
      '/frameworks/:id/requirements',
      {
        schema: {
          operationId: 'listFrameworkRequirements',
          tags,
          description:
            'The requirement tree in depth-first order (parents before children), compact: texts are left out ' +
            'and read one node at a time. Filters keep the order; a filtered list may omit the ancestors.',
          params: frameworkIdParams,
          querystring: listRequirementsQuery,
          response: { 200: requirementTree },
        },
      },
      async (request) => {
        return {
          items: await service.requirements(await request.access(), request.params.id, request.query),
        };
      },
    );

    app.get(
      '/frameworks/:id/requirements/:nodeId',
      {
        schema: {
          operationId: 'getFrameworkRequirement',
          tags,
          description:
            'One requirement node with its description, annotation, format-specific extras and the reference ' +
            'controls it proposes.',
          params: requirementParams,
          response: { 200: requirementSchema },
        },
      },
      async (request) => {
        return service.requirement(await request.access(), request.params.id, request.params.nodeId);
      },
    );

    app.delete(
      '/frameworks/:id',
      {
        schema: {
          operationId: 'deleteFramework',
          tags,
          description:
            'Deletes a framework the organisation imported, with its requirement tree (needs framework:delete ' +
            'on the root folder). Library entries shipped with Rampart cannot be deleted (403).',
          params: frameworkIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.remove(await request.access(), request.audit, request.params.id);
        return reply.status(204).send(null);
      },
    );

    await registerLibraryImports(app, ctx);
    registerMappingSets(app, ctx);
    registerReferenceControls(app, ctx);
  },
};
