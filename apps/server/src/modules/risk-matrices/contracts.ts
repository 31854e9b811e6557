import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { matrixDefinitionSchema } from './definition.js';

const text = (max: number) => z.string().trim().max(max);

export const matrixSources = ['builtin', 'organization'] as const;

const scalePoint = z.object({ abbreviation: z.string(), name: z.string(), description: z.string().nullish() });
/** The stored definition as answered (an allow-list of the same shape `matrixDefinitionSchema` accepts). */
export const definitionOut = z.object({
  probability: z.array(scalePoint),
  impact: z.array(scalePoint),
  risk: z.array(scalePoint.extend({ color: z.string() })),
  grid: z.array(z.array(z.number().int())),
});

export const riskMatrixSchema = z.object({
  id: z.uuid(),
  source: z.enum(matrixSources),
  folderId: z.uuid().nullable(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  revision: z.number().int(),
  latestRevision: z.number().int().describe('The highest revision of this matrix (same URN)'),
  definition: definitionOut,
  provider: z.string().nullable(),
  inUse: z.number().int().describe('Risk assessments of the organisation rating on this revision'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean(), revise: z.boolean() }),
});
export type RiskMatrixDto = z.infer<typeof riskMatrixSchema>;

export const matrixIdParams = z.object({ id: z.uuid() });

export const matrixSortFields = ['name', 'updatedAt'] as const;
export const listMatricesQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(matrixSortFields, 'name'),
  source: z.enum(matrixSources).optional(),
  folderId: z.uuid().optional().describe('Organisation matrices in this folder and below (built-ins are left out)'),
  allRevisions: z.enum(['true', 'false']).default('false').describe('Every revision, not only the latest of each'),
});

export const createMatrixBody = z.strictObject({
  folderId: z.uuid(),
  refId: text(100).nullable().optional(),
  name: text(300).min(1).optional().describe('Required with `definition`; a copy keeps the source’s name by default'),
  description: text(20_000).nullable().optional(),
  definition: matrixDefinitionSchema.optional(),
  copyFromId: z.uuid().optional().describe('Copy this matrix (a built-in or a readable one) instead of `definition`'),
});
export type CreateMatrixInput = z.infer<typeof createMatrixBody>;

export const updateMatrixBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  refId: text(100).nullable().optional(),
  name: text(300).min(1).optional(),
  description: text(20_000).nullable().optional(),
  definition: matrixDefinitionSchema.optional(),
});
export type UpdateMatrixInput = Omit<z.infer<typeof updateMatrixBody>, 'version'>;

export const reviseMatrixBody = z.strictObject({
  definition: matrixDefinitionSchema,
  name: text(300).min(1).optional(),
  description: text(20_000).nullable().optional(),
});
export type ReviseMatrixInput = z.infer<typeof reviseMatrixBody>;

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const riskMatrixPage = pageSchema(riskMatrixSchema);
export const revisionList = z.object({ items: z.array(riskMatrixSchema) });

export const importQuery = z.strictObject({ folderId: z.uuid().describe('The folder the imported matrices go to') });
export const matrixImportResult = z.object({
  created: z.number().int(),
  revised: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  matrices: z.array(
    z.object({
      id: z.uuid(),
      urn: z.string(),
      revision: z.number().int(),
      outcome: z.enum(['created', 'revised', 'updated', 'unchanged']),
    }),
  ),
});
export type MatrixImportResult = z.infer<typeof matrixImportResult>;
