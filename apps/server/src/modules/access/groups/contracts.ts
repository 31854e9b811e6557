import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../../platform/http/pagination.js';

const groupName = z.string().trim().min(1).max(100);
const groupDescription = z.string().trim().max(2000);

export const groupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), manageMembers: z.boolean() }),
});
export type GroupDto = z.infer<typeof groupSchema>;

export const groupIdParams = z.object({ id: z.uuid() });
export const groupMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const listGroupsQuery = z.strictObject({ ...listQueryBase, sort: sortParam(['name'], 'name') });

export const createGroupBody = z.strictObject({ name: groupName, description: groupDescription.optional() });

export const updateGroupBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  name: groupName.optional(),
  description: groupDescription.nullable().optional(),
});

export const groupMemberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  /** True for a user of another organisation who reaches this one only through bindings. */
  guest: z.boolean(),
});

export const listGroupMembersQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  q: listQueryBase.q,
});

export const groupPage = pageSchema(groupSchema);
export const groupMemberPage = pageSchema(groupMemberSchema);
