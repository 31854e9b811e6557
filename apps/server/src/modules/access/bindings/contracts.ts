import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../../platform/http/pagination.js';

export const bindingSchema = z.object({
  id: z.uuid(),
  folderId: z.uuid(),
  folderName: z.string(),
  roleId: z.uuid(),
  roleName: z.string(),
  /** Built-in role key (owner, manager, ...) or null for a custom role. */
  roleKey: z.string().nullable(),
  subject: z.object({
    type: z.enum(['user', 'group']),
    id: z.uuid(),
    displayName: z.string(),
    /** The user's e-mail; null for a group. */
    email: z.string().nullable(),
    /** A user bound here without being a member of the organisation. */
    guest: z.boolean(),
  }),
  /** Made by the system (e.g. the first owner's binding), not by a person. */
  system: z.boolean(),
  createdAt: z.date(),
  abilities: z.object({ delete: z.boolean() }),
});
export type BindingDto = z.infer<typeof bindingSchema>;

export const bindingIdParams = z.object({ id: z.uuid() });

export const listBindingsQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  folderId: z.uuid().optional().describe('Only bindings made on this folder (not those inherited from above)'),
  userId: z.uuid().optional().describe('Only bindings of this user (direct, not through groups)'),
  groupId: z.uuid().optional(),
  roleId: z.uuid().optional(),
});

export const createBindingBody = z
  .strictObject({
    folderId: z.uuid(),
    roleId: z.uuid(),
    userId: z.uuid().optional().describe('A user of this or another organisation (the latter becomes a guest)'),
    groupId: z.uuid().optional(),
  })
  .refine((b) => (b.userId === undefined) !== (b.groupId === undefined), {
    message: 'Send exactly one of userId or groupId',
    path: ['userId'],
  });

export const bindingPage = pageSchema(bindingSchema);
