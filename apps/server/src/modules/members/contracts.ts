import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';

export const memberStatus = z.enum(['active', 'suspended']);

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  /** Guests have no membership; their status is always `active` (remove them to take their access away). */
  status: memberStatus,
  guest: z.boolean(),
  /** When the membership was created; null for guests. */
  joinedAt: z.date().nullable(),
  /** Direct role bindings in this organisation (group bindings apply through `groups`). */
  bindings: z.array(
    z.object({
      id: z.uuid(),
      roleId: z.uuid(),
      roleName: z.string(),
      /** Set for built-in roles, so clients can show the name in the reader's language. */
      roleKey: z.string().nullable(),
      folderId: z.uuid(),
      folderName: z.string(),
    }),
  ),
  groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const memberParams = z.object({ userId: z.uuid() });

export const listMembersQuery = z.strictObject({
  ...listQueryBase,
  sort: sortParam(['displayName', 'email'], 'displayName'),
  status: memberStatus.optional(),
  guest: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only guests; false: only members'),
});

export const updateMemberBody = z.strictObject({ status: memberStatus });

export const memberPage = pageSchema(memberSchema);
