import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { listMembersQuery, memberPage, memberParams, memberSchema, updateMemberBody } from './contracts.js';
import { createMemberService } from './service.js';

export const membersModule: ModuleDefinition = {
  name: 'members',
  register(app, { db }) {
    const service = createMemberService({ db });
    const tags = ['members'];

    app.get(
      '/members',
      {
        schema: {
          operationId: 'listMembers',
          tags,
          description:
            'Members and guests of the organisation with their direct bindings and groups (needs member:read ' +
            'on the root).',
          querystring: listMembersQuery,
          response: { 200: memberPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.patch(
      '/members/:userId',
      {
        schema: {
          operationId: 'updateMember',
          tags,
          description:
            'Suspends or reactivates a member (needs member:update on the root). A suspended member keeps their ' +
            'bindings but cannot enter the organisation. Guests answer 409; suspending the last owner answers 409.',
          params: memberParams,
          body: updateMemberBody,
          response: { 200: memberSchema },
        },
      },
      async (request) => {
        return service.setStatus(await request.access(), request.audit, request.params.userId, request.body.status);
      },
    );

    app.delete(
      '/members/:userId',
      {
        schema: {
          operationId: 'removeMember',
          tags,
          description:
            'Removes a member or guest: their membership, direct bindings and group memberships in this ' +
            'organisation. Refused (409) for the last owner.',
          params: memberParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.remove(await request.access(), request.audit, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  },
};
