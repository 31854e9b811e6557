import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';

export const folderName = z.string().trim().min(1).max(200);

export const folderSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  depth: z.number().int(),
  /** Ids from the root down to this folder (only those the caller may see are meaningful to them). */
  pathIds: z.array(z.uuid()),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), createChild: z.boolean() }),
});
export type FolderDto = z.infer<typeof folderSchema>;

export const folderIdParams = z.object({ id: z.uuid() });

export const listFoldersQuery = z.strictObject({
  ...listQueryBase,
  sort: sortParam(['name', 'createdAt', 'depth'], 'name'),
  parentId: z.uuid().optional().describe('Only the direct children of this folder'),
});

export const createFolderBody = z.strictObject({
  parentId: z.uuid(),
  name: folderName,
  description: z.string().trim().max(5000).optional(),
});

export const updateFolderBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  name: folderName.optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  parentId: z.uuid().optional().describe('Move the folder (and its subtree) under this folder'),
});

export const folderPage = pageSchema(folderSchema);
export const folderTree = z.object({ items: z.array(folderSchema) });
