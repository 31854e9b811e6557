import { z } from 'zod';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { decodeCursor } from '../../../platform/http/pagination.js';
import { expectedVersion } from '../../../platform/http/versioning.js';
import {
  createGroupBody,
  groupIdParams,
  groupMemberPage,
  groupMemberParams,
  groupPage,
  groupSchema,
  listGroupMembersQuery,
  listGroupsQuery,
  updateGroupBody,
} from './contracts.js';
import { createGroupService } from './service.js';

export function registerGroupRoutes(app: TypedApp, { db }: AppContext) {
  const service = createGroupService({ db });
  const tags = ['access'];

  app.get(
    '/groups',
    {
      schema: {
        operationId: 'listGroups',
        tags,
        description: 'The organisation’s groups (needs group:read on some folder), one page at a time.',
        querystring: listGroupsQuery,
        response: { 200: groupPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/groups/:id',
    {
      schema: {
        operationId: 'getGroup',
        tags,
        description: 'One group with its member count and the caller’s abilities.',
        params: groupIdParams,
        response: { 200: groupSchema },
      },
    },
    async (request) => {
      return service.get(await request.access(), request.params.id);
    },
  );

  app.post(
    '/groups',
    {
      schema: {
        operationId: 'createGroup',
        tags,
        description: 'Creates a group (needs group:create on the root).',
        body: createGroupBody,
        response: { 201: groupSchema },
      },
    },
    async (request, reply) => {
      const group = await service.create(await request.access(), request.audit, request.body);
      return reply.status(201).send(group);
    },
  );

  app.patch(
    '/groups/:id',
    {
      schema: {
        operationId: 'updateGroup',
        tags,
        description: 'Renames or describes a group. Send the version you loaded (If-Match or `version`).',
        params: groupIdParams,
        body: updateGroupBody,
        response: { 200: groupSchema },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return service.update(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/groups/:id',
    {
      schema: {
        operationId: 'deleteGroup',
        tags,
        description:
          'Deletes a group and every binding made to it. Refused (409) if that would leave the organisation ' +
          'without an owner; 403 if the group grants permissions the caller does not hold.',
        params: groupIdParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/groups/:id/members',
    {
      schema: {
        operationId: 'listGroupMembers',
        tags,
        description: 'The users in a group, by display name.',
        params: groupIdParams,
        querystring: listGroupMembersQuery,
        response: { 200: groupMemberPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.members(await request.access(), request.params.id, {
        ...query,
        cursor: decodeCursor(cursor),
      });
    },
  );

  app.put(
    '/groups/:id/members/:userId',
    {
      schema: {
        operationId: 'addGroupMember',
        tags,
        description:
          'Adds a member (or an already-bound guest) of the organisation to the group; idempotent. Needs ' +
          'group:update on the root and every permission the group grants where it is bound.',
        params: groupMemberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await service.addMember(await request.access(), request.audit, id, userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/groups/:id/members/:userId',
    {
      schema: {
        operationId: 'removeGroupMember',
        tags,
        description: 'Takes a user out of the group; idempotent. Refused (409) if it would remove the last owner.',
        params: groupMemberParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await service.removeMember(await request.access(), request.audit, id, userId);
      return reply.status(204).send(null);
    },
  );
}
