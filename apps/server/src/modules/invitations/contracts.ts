import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';
import { displayNameSchema, emailSchema } from '../users/index.js';

export const invitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof invitationStatus>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  roleId: z.uuid(),
  roleName: z.string(),
  /** Set for built-in roles, so clients can show the name in the reader's language. */
  roleKey: z.string().nullable(),
  folderId: z.uuid(),
  folderName: z.string(),
  status: invitationStatus,
  invitedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type InvitationDto = z.infer<typeof invitationSchema>;

export const invitationIdParams = z.object({ id: z.uuid() });

export const createInvitationBody = z.strictObject({
  email: emailSchema,
  roleId: z.uuid(),
  folderId: z.uuid().describe('The role applies to this folder and everything below it'),
});

export const listInvitationsQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  status: invitationStatus.optional(),
});
export const invitationPage = pageSchema(invitationSchema);

const invitationToken = z.string().trim().min(1).max(200);

export const lookupQuery = z.strictObject({ token: invitationToken });
export const lookupResponse = z.object({
  organizationName: z.string(),
  email: z.string(),
  roleName: z.string(),
  roleKey: z.string().nullable(),
  folderName: z.string(),
  invitedByName: z.string().nullable(),
  accountExists: z.boolean().describe('If true, accept by signing in as this e-mail (or giving its password)'),
  expiresAt: z.date(),
});

export const acceptBody = z.strictObject({
  token: invitationToken,
  displayName: displayNameSchema.optional().describe('For a new account; defaults to the e-mail’s local part'),
  password: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('New account: its password (12+ characters). Existing account not signed in: its password'),
});
export const acceptResponse = z.object({
  status: z.enum(['signed_in', 'totp_required']),
  csrfToken: z.string().nullable(),
  organizationId: z.uuid(),
});
