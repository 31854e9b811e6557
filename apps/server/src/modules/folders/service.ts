import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, conflict, versionConflict } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  diffFields,
  recordAudit,
  updateAudited,
} from '../audit/index.js';
import type { FolderDto } from './contracts.js';
import * as q from './queries.js';
import { folders } from './tables.js';
import { folderContents } from './usage.js';

export function toFolderDto(row: q.FolderRow, access: Access): FolderDto {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    description: row.description,
    depth: row.depth,
    pathIds: row.path.split('/').filter(Boolean),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: row.parentId !== null && access.can('folder:update', row.path),
      delete: row.parentId !== null && access.can('folder:delete', row.path),
      createChild: access.can('folder:create', row.path),
    },
  };
}

export function createFolderService(deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;

  async function loadReadable(access: Access, id: string, tx: Parameters<typeof q.findFolder>[0] = db) {
    return readableOr404(
      await q.findFolder(tx, access.organizationId, id),
      access,
      'folder:read',
      'Folder',
      (found) => found.path,
    );
  }

  return {
    async list(
      access: Access,
      params: { parentId?: string; q?: string; sort: string; cursor: Cursor | null; limit: number },
    ) {
      const descending = params.sort.startsWith('-');
      const sort = params.sort.replace(/^-/, '') as q.FolderSort;
      const rows = await q.listFolders(db, {
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('folder:read'),
        parentId: params.parentId,
        q: params.q,
        sort,
        descending,
        cursor: params.cursor,
        limit: params.limit,
      });
      const page = toPage(rows, params.limit, (r) => r[sort]);
      return { items: page.items.map((r) => toFolderDto(r, access)), nextCursor: page.nextCursor };
    },

    async tree(access: Access) {
      const rows = await q.listVisibleTree(db, access.organizationId, access.visibleFolderIds('folder:read'));
      return rows.map((r) => toFolderDto(r, access));
    },

    async get(access: Access, id: string) {
      return toFolderDto(await loadReadable(access, id), access);
    },

    async create(access: Access, audit: AuditContext, input: { parentId: string; name: string; description?: string }) {
      return db
        .transaction(async (tx) => {
          const parent = await loadReadable(access, input.parentId, tx);
          access.require('folder:create', parent.path, 'folder:read', 'Folder');
          const id = randomUUID();
          const [row] = await tx
            .insert(folders)
            .values({
              id,
              organizationId: access.organizationId,
              parentId: parent.id,
              name: input.name,
              description: input.description ?? null,
              path: `${parent.path}${id}/`,
              depth: parent.depth + 1,
            })
            .returning();
          if (!row) throw new Error('insert returned no row');
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            folderId: row.id,
            action: 'folder.created',
            objectType: 'folder',
            objectId: row.id,
            changes: createdFields({ name: row.name, parentId: row.parentId, description: row.description }),
          });
          return toFolderDto(row, access);
        })
        .catch(rethrowDuplicate);
    },

    async update(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      input: { name?: string; description?: string | null; parentId?: string },
    ) {
      return db
        .transaction(async (tx) => {
          const before = await loadReadable(access, id, tx);
          if (before.parentId === null) {
            throw new AppError(
              'forbidden',
              'The root folder follows the organisation; rename the organisation instead',
            );
          }
          access.require('folder:update', before.path, 'folder:read', 'Folder');
          let path = before.path;
          let depth = before.depth;
          const moving = input.parentId !== undefined && input.parentId !== before.parentId;
          if (moving && input.parentId) {
            const target = await loadReadable(access, input.parentId, tx);
            access.require('folder:create', target.path, 'folder:read', 'Folder');
            if (target.path.startsWith(before.path)) throw conflict('A folder cannot be moved into its own subtree');
            path = `${target.path}${before.id}/`;
            depth = target.depth + 1;
          }
          const after = await updateAudited(tx, audit, {
            table: folders,
            id,
            version,
            set: {
              ...(input.name !== undefined ? { name: input.name } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(moving ? { parentId: input.parentId } : {}),
            },
            event: {
              organizationId: access.organizationId,
              folderId: id,
              action: moving ? 'folder.moved' : 'folder.updated',
              objectType: 'folder',
            },
            // The loaded row carries its path and depth: the diff is of the fields the body names.
            changes: () =>
              diffFields(before, {
                name: input.name,
                description: input.description,
                parentId: moving ? input.parentId : undefined,
              }),
          });
          if (moving) {
            await q.moveSubtree(tx, {
              organizationId: access.organizationId,
              oldPath: before.path,
              newPath: path,
              depthDelta: depth - before.depth,
            });
          }
          return toFolderDto({ ...after, path, depth }, access);
        })
        .catch(rethrowDuplicate);
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const row = await loadReadable(access, id, tx);
        if (row.parentId === null) throw new AppError('forbidden', 'The root folder cannot be deleted');
        access.require('folder:delete', row.path, 'folder:read', 'Folder');
        // A stale version is answered before the emptiness question (the delete checks it again, under the write).
        if (row.version !== version) throw versionConflict();
        const children = await q.countChildren(tx, id);
        const usage = (await deps.usage.askInTurn(folderContents, { db: tx, folderId: id })).filter((u) => u.count > 0);
        if (children > 0 || usage.length > 0) {
          const parts = [
            ...(children > 0 ? [`${children} subfolder(s)`] : []),
            ...usage.map((u) => `${u.count} ${u.what}`),
          ];
          throw conflict(`The folder is not empty (${parts.join(', ')}); move or delete its content first`);
        }
        await deleteAudited(tx, audit, {
          table: folders,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: row.parentId,
            action: 'folder.deleted',
            objectType: 'folder',
          },
          changes: { name: { before: row.name } },
        });
      });
    },
  };
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('A folder with this name already exists here');
  throw error;
}

export type FolderService = ReturnType<typeof createFolderService>;
