import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { threatCategories } from './catalogue.js';

const text = (max: number) => z.string().trim().max(max);

export const threatSources = ['builtin', 'organization'] as const;

export const threatSchema = z.object({
  id: z.uuid(),
  source: z.enum(threatSources),
  folderId: z.uuid().nullable(),
  urn: z.string().nullable(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable().describe('deliberate, accidental or environmental (imported threats may have none)'),
  provider: z.string().nullable(),
  translations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type ThreatDto = z.infer<typeof threatSchema>;

export const threatIdParams = z.object({ id: z.uuid() });

export const threatSortFields = ['name', 'refId', 'updatedAt'] as const;
export const listThreatsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(threatSortFields, 'name'),
  category: z.enum(threatCategories).optional(),
  source: z.enum(threatSources).optional().describe('Built-in catalogue or the organisation’s own threats'),
  folderId: z.uuid().optional().describe('Organisation threats in this folder and below (built-ins are left out)'),
});

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  category: z.enum(threatCategories).nullable().optional(),
};

export const createThreatBody = z.strictObject({ folderId: z.uuid(), ...editable });
export type CreateThreatInput = z.infer<typeof createThreatBody>;

export const updateThreatBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs threat:create there)'),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateThreatInput = Omit<z.infer<typeof updateThreatBody>, 'version'>;

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const threatPage = pageSchema(threatSchema);

export const importQuery = z.strictObject({ folderId: z.uuid().describe('The folder the imported threats go to') });
export const threatImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  threats: z.array(z.object({ id: z.uuid(), urn: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
});
export type ThreatImportResult = z.infer<typeof threatImportResult>;
