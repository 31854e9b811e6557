import { z } from 'zod';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { decodeCursor } from '../../../platform/http/pagination.js';
import { bindingIdParams, bindingPage, bindingSchema, createBindingBody, listBindingsQuery } from './contracts.js';
import { createBindingService } from './service.js';

export function registerBindingRoutes(app: TypedApp, { db }: AppContext) {
  const service = createBindingService({ db });
  const tags = ['access'];

  app.get(
    '/role-bindings',
    {
      schema: {
        operationId: 'listRoleBindings',
        tags,
        description:
          'Role bindings on the folders where the caller may read role_binding, oldest first, with role, ' +
          'subject and folder names.',
        querystring: listBindingsQuery,
        response: { 200: bindingPage },
      },
    },
    async (request) => {
      const { cursor, ...filters } = request.query;
      return service.list(await request.access(), { ...filters, cursor: decodeCursor(cursor) });
    },
  );

  app.post(
    '/role-bindings',
    {
      schema: {
        operationId: 'createRoleBinding',
        tags,
        description:
          'Grants a role on a folder (and everything below it) to a user or a group. Needs role_binding:create ' +
          'there and every permission of the role there (403 otherwise). A user of another organisation becomes ' +
          'a guest: they see only this subtree.',
        body: createBindingBody,
        response: { 201: bindingSchema },
      },
    },
    async (request, reply) => {
      const binding = await service.create(await request.access(), request.audit, request.body);
      return reply.status(201).send(binding);
    },
  );

  app.delete(
    '/role-bindings/:id',
    {
      schema: {
        operationId: 'deleteRoleBinding',
        tags,
        description:
          'Revokes a binding (needs role_binding:delete and every permission of the role on its folder). ' +
          'Refused (409) when it would leave the organisation without an owner.',
        params: bindingIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(await request.access(), request.audit, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
