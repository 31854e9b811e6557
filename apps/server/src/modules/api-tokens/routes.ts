import { z } from 'zod';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { requireSessionCaller } from '../auth/index.js';
import {
  apiTokenIdParams,
  apiTokenPage,
  createApiTokenBody,
  createdApiTokenResponse,
  listApiTokensQuery,
} from './contracts.js';
import { createApiTokenService } from './service.js';

export const apiTokensModule: ModuleDefinition = {
  name: 'api-tokens',
  register(app, { db, clock }) {
    const service = createApiTokenService({ db, clock });
    const tags = ['api-tokens'];

    app.post(
      '/api-tokens',
      {
        schema: {
          operationId: 'createApiToken',
          tags,
          description:
            'Creates a personal API token acting as the caller in the current organisation. The secret is in this ' +
            'response only. Needs a signed-in session: a token cannot create tokens.',
          body: createApiTokenBody,
          response: { 201: createdApiTokenResponse },
        },
      },
      async (request, reply) => {
        const _caller = requireOrgCaller(request);
        requireSessionCaller(request);
        const created = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api-tokens',
      {
        schema: {
          operationId: 'listApiTokens',
          tags,
          description: 'The caller’s tokens in the current organisation (owners: all of them with `all=true`).',
          querystring: listApiTokensQuery,
          response: { 200: apiTokenPage },
        },
      },
      async (request) => {
        const { cursor, all, limit } = request.query;
        return service.list(await request.access(), { all: all === 'true', limit, cursor: decodeCursor(cursor) });
      },
    );

    app.delete(
      '/api-tokens/:id',
      {
        schema: {
          operationId: 'revokeApiToken',
          tags,
          description: 'Revokes a token (the caller’s own; owners: any of the organisation). It stops working at once.',
          params: apiTokenIdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.revoke(await request.access(), request.audit, request.params.id);
        return reply.status(204).send(null);
      },
    );
  },
};
