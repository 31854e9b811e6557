import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';

export const outboxStatus = z.enum(['pending', 'sent', 'failed', 'stored']);

export const outboxEmailSummary = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  status: outboxStatus,
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const outboxEmailSchema = outboxEmailSummary.extend({
  text: z.string(),
  html: z.string().nullable(),
});

export const outboxEmailIdParams = z.object({ id: z.uuid() });

export const listOutboxQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  status: outboxStatus.optional().describe('Only messages in this state'),
});

export const outboxEmailPage = pageSchema(outboxEmailSummary);
