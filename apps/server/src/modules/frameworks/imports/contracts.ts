import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../../platform/http/pagination.js';
import { importFormats } from './detect.js';

/** The form fields next to the file; multipart fields arrive as text. */
export const importFields = z.strictObject({
  format: z.enum(importFormats).default('auto'),
  frameworkId: z.uuid().optional().describe('For an OSCAL profile: the catalog framework it applies to'),
});

export const importAccepted = z.object({
  jobId: z.uuid(),
  /** False when the same file was already submitted: the earlier run is returned. */
  created: z.boolean(),
});

export const importRunSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number().int(),
  message: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const listImportsQuery = z.strictObject({ limit: listQueryBase.limit, cursor: listQueryBase.cursor });
export const importRunPage = pageSchema(importRunSchema);
