import { z } from 'zod';
import { requireOrgCaller } from '../../../platform/auth/caller.js';
import type { AppContext, TypedApp } from '../../../platform/context.js';
import { expectedVersion } from '../../../platform/http/versioning.js';
import { actions, allPermissions, objectTypes } from '../permissions-catalog.js';
import {
  createRoleBody,
  permissionCatalogSchema,
  roleIdParams,
  roleList,
  roleSchema,
  updateRoleBody,
} from './contracts.js';
import { createRoleService } from './service.js';

export function registerRoleRoutes(app: TypedApp, { db }: AppContext) {
  const service = createRoleService({ db });
  const tags = ['access'];

  app.get(
    '/permissions',
    {
      schema: {
        operationId: 'getPermissionCatalog',
        tags,
        description: 'The permission vocabulary (object types × actions) to build a role’s permission matrix.',
        response: { 200: permissionCatalogSchema },
      },
    },
    async (request) => {
      requireOrgCaller(request);
      return { objectTypes: [...objectTypes], actions: [...actions], permissions: ['*', ...allPermissions] };
    },
  );

  app.get(
    '/roles',
    {
      schema: {
        operationId: 'listRoles',
        tags,
        description: 'Built-in roles and this organisation’s custom roles (needs role:read on some folder).',
        response: { 200: roleList },
      },
    },
    async (request) => {
      return { items: await service.list(await request.access()), nextCursor: null };
    },
  );

  app.get(
    '/roles/:id',
    {
      schema: {
        operationId: 'getRole',
        tags,
        description: 'One role with its permissions and the caller’s abilities on it.',
        params: roleIdParams,
        response: { 200: roleSchema },
      },
    },
    async (request) => {
      return service.get(await request.access(), request.params.id);
    },
  );

  app.post(
    '/roles',
    {
      schema: {
        operationId: 'createRole',
        tags,
        description:
          'Creates a custom role (needs role:create on the root). Each permission must exist in the catalogue ' +
          'and be held by the caller on the root.',
        body: createRoleBody,
        response: { 201: roleSchema },
      },
    },
    async (request, reply) => {
      const role = await service.create(await request.access(), request.audit, request.body);
      return reply.status(201).send(role);
    },
  );

  app.patch(
    '/roles/:id',
    {
      schema: {
        operationId: 'updateRole',
        tags,
        description:
          'Renames a custom role or replaces its permissions (built-in roles answer 403). Send the version ' +
          'you loaded (If-Match or `version`).',
        params: roleIdParams,
        body: updateRoleBody,
        response: { 200: roleSchema },
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
    '/roles/:id',
    {
      schema: {
        operationId: 'deleteRole',
        tags,
        description: 'Deletes a custom role that no binding uses (otherwise 409).',
        params: roleIdParams,
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
}
