import { z } from 'zod';

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: validate and answer what would change, without changing anything'),
  overwrite: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      'true: apply rows changed in Rampart after the file was exported (its "Updated at" differs) instead of ' +
        'answering 409',
    ),
});

const assessedValue = z.union([z.string(), z.number(), z.null()]);

export const importResultSchema = z.object({
  assessmentId: z.uuid(),
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  /** Data rows read from the file (headings included). */
  rowsRead: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  headings: z.number().int(),
  changes: z.array(
    z.object({
      requirementUrn: z.string(),
      refId: z.string().nullable(),
      row: z.number().int(),
      fields: z.record(z.string(), z.object({ from: assessedValue, to: assessedValue })),
      controlsAdded: z.array(z.string()),
      controlsRemoved: z.array(z.string()),
      evidenceAdded: z.array(z.string()),
      evidenceRemoved: z.array(z.string()),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;
