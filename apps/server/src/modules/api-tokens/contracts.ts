import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';
import { userSummarySchema } from '../users/index.js';

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the secret, to recognise it'),
  user: userSummarySchema,
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const apiTokenIdParams = z.object({ id: z.uuid() });

export const createApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO 8601; omit for a token that never expires'),
});
export const createdApiTokenResponse = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('Send as `Authorization: Bearer <secret>`. Shown only in this response'),
});

export const listApiTokensQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  all: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Owners only: every token of the organisation, not just the caller’s'),
});
export const apiTokenPage = pageSchema(apiTokenSchema);
