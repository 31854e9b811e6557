import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import {
  createFolderBody,
  folderIdParams,
  folderPage,
  folderSchema,
  folderTree,
  listFoldersQuery,
  updateFolderBody,
} from './contracts.js';
import { createFolderService } from './service.js';

export const foldersModule: ModuleDefinition = {
  name: 'folders',
  register(app, { db, usage }) {
    const service = createFolderService({ db, usage });
    const tags = ['folders'];

    app.get(
      '/folders',
      {
        schema: {
          operationId: 'listFolders',
          tags,
          description: 'Folders the caller may read, one page at a time.',
          querystring: listFoldersQuery,
          response: { 200: folderPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/folders/tree',
      {
        schema: {
          operationId: 'getFolderTree',
          tags,
          description: 'Every folder the caller may read, parents before children (to draw the tree).',
          response: { 200: folderTree },
        },
      },
      async (request) => {
        return { items: await service.tree(await request.access()) };
      },
    );

    app.get(
      '/folders/:id',
      {
        schema: {
          operationId: 'getFolder',
          tags,
          description: 'One folder, with the caller’s abilities on it.',
          params: folderIdParams,
          response: { 200: folderSchema },
        },
      },
      async (request) => {
        return service.get(await request.access(), request.params.id);
      },
    );

    app.post(
      '/folders',
      {
        schema: {
          operationId: 'createFolder',
          tags,
          description: 'Creates a folder under `parentId` (needs folder:create there).',
          body: createFolderBody,
          response: { 201: folderSchema },
        },
      },
      async (request, reply) => {
        const folder = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(folder);
      },
    );

    app.patch(
      '/folders/:id',
      {
        schema: {
          operationId: 'updateFolder',
          tags,
          description:
            'Renames, describes or moves a folder (its whole subtree moves with it). Send the version you ' +
            'loaded (If-Match or `version`); a stale one answers 409 and changes nothing.',
          params: folderIdParams,
          body: updateFolderBody,
          response: { 200: folderSchema },
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
      '/folders/:id',
      {
        schema: {
          operationId: 'deleteFolder',
          tags,
          description: 'Deletes an empty folder. A folder with subfolders or objects is refused (409).',
          params: folderIdParams,
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
  },
};
