import { z } from 'zod';

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: check the file and answer what would change (and every problem), without writing'),
});

export const locatedErrorSchema = z.object({
  row: z.number().int().nullable().describe('Row number as the spreadsheet shows it (1 is the header)'),
  column: z.string().nullable().describe('The column header, e.g. inherent_probability'),
  message: z.string(),
});

export const importResultSchema = z.object({
  riskAssessmentId: z.uuid(),
  dryRun: z.boolean(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged']),
      scenarioId: z.uuid().nullable(),
      refId: z.string().nullable(),
      name: z.string(),
      fields: z.array(z.string()),
    }),
  ),
  errors: z.array(locatedErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
