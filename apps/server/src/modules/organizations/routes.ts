import { z } from 'zod';
import { requireCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { accessFor, hasOrganizationAccess } from '../access/index.js';
import { createOrganization, getOrganization, listOrganizationsOfUser, updateOrganization } from './service.js';

const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  requireTotp: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});
const idParams = z.object({ id: z.uuid() });
const organizationName = z.string().trim().min(1).max(200);

export const organizationsModule: ModuleDefinition = {
  name: 'organizations',
  register(app, { db }) {
    const tags = ['organizations'];

    app.get(
      '/organizations',
      {
        schema: {
          operationId: 'listOrganizations',
          tags,
          description: 'The organisations the caller belongs to or is a guest of.',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), name: z.string(), guest: z.boolean(), rootFolderId: z.uuid() })),
              nextCursor: z.null(),
            }),
          },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        const rows = await listOrganizationsOfUser(db, caller.userId);
        return {
          items: rows.map((r) => ({ id: r.id, name: r.name, guest: r.guest, rootFolderId: r.root_folder_id })),
          nextCursor: null,
        };
      },
    );

    app.post(
      '/organizations',
      {
        schema: {
          operationId: 'createOrganization',
          tags,
          description: 'Creates an organisation; the caller becomes its owner.',
          body: z.strictObject({ name: organizationName }),
          response: { 201: organizationSchema.extend({ rootFolderId: z.uuid() }) },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request);
        const { organization, rootFolderId } = await db.transaction((tx) =>
          createOrganization(tx, request.audit, { name: request.body.name, ownerUserId: caller.userId }),
        );
        return reply.status(201).send({ ...organization, rootFolderId, abilities: { update: true } });
      },
    );

    app.get(
      '/organizations/:id',
      {
        schema: {
          operationId: 'getOrganization',
          tags,
          description: 'One organisation the caller can enter.',
          params: idParams,
          response: { 200: organizationSchema },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        if (!(await hasOrganizationAccess(db, caller.userId, request.params.id))) throw notFound('Organization');
        const access = await accessFor(db, { userId: caller.userId, organizationId: request.params.id });
        const organization = await getOrganization(db, request.params.id);
        return { ...organization, abilities: { update: access.canAtRoot('organization:update') } };
      },
    );

    app.patch(
      '/organizations/:id',
      {
        schema: {
          operationId: 'updateOrganization',
          tags,
          description: 'Renames the organisation or requires two-factor authentication of all its members.',
          params: idParams,
          body: z.strictObject({
            version: z.number().int().min(1).optional(),
            name: organizationName.optional(),
            requireTotp: z.boolean().optional(),
          }),
          response: { 200: organizationSchema },
        },
      },
      async (request) => {
        const caller = requireCaller(request);
        if (!(await hasOrganizationAccess(db, caller.userId, request.params.id))) throw notFound('Organization');
        const access = await accessFor(db, { userId: caller.userId, organizationId: request.params.id });
        const { version, ...changes } = request.body;
        const updated = await db.transaction((tx) =>
          updateOrganization(tx, request.audit, access, {
            ...changes,
            version: expectedVersion(request, version),
          }),
        );
        return { ...updated, abilities: { update: true } };
      },
    );
  },
};
