import { z } from 'zod';

export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: answer the preview (rows to create and update, located problems) without writing'),
});

export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const importIssueSchema = z.object({
  row: z.number().int().nullable().describe('Row number as a spreadsheet shows it (the header is row 1)'),
  column: z.string().nullable(),
  message: z.string(),
});

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged']),
      assetId: z.uuid().nullable().describe('The stored asset (null for a row that creates one in a dry run)'),
      refId: z.string().nullable(),
      name: z.string(),
      changes: z.array(z.string()).describe('Fields the row changes (update rows)'),
    }),
  ),
  errors: z.array(importIssueSchema).describe('Only in a dry run: a real import with problems answers 400'),
});
export type ImportResult = z.infer<typeof importResultSchema>;
