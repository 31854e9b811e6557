import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';

export const jobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const jobRunSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  status: jobStatus,
  progress: z.number().int().min(0).max(100),
  message: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  folderId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type JobRunDto = z.infer<typeof jobRunSchema>;

export const jobRunIdParams = z.object({ id: z.uuid() });

export const listJobRunsQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  status: jobStatus.optional().describe('Only runs in this state'),
  type: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z][a-z0-9_.-]*$/)
    .optional()
    .describe('Only runs of this job type'),
});

export const jobRunPage = pageSchema(jobRunSchema);
