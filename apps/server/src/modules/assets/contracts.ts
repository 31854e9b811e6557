import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { assetCategories, assetTypes, securityObjectiveKeys } from './tables.js';

const text = (max: number) => z.string().trim().max(max);

export const personSchema = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });

/** Objective → level. Which keys and levels are allowed is the organisation's setting (checked by the service). */
export const objectivesSchema = z
  .partialRecord(z.enum(securityObjectiveKeys), z.number().int().min(0).max(100))
  .describe('Security objective → level on the organisation’s scale; a missing objective is not rated');

const minutes = z.number().int().min(0).max(52_560_000).nullable().optional().describe('Minutes (up to 100 years)');

export const labelsSchema = z
  .record(text(100).min(1), text(300))
  .refine((labels) => Object.keys(labels).length <= 50, 'At most 50 labels')
  .describe('Free key → value labels, e.g. environment → production');

export const linkedAssetSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  type: z.enum(assetTypes),
  category: z.enum(assetCategories).nullable(),
});

const assetFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(assetTypes),
  category: z.enum(assetCategories).nullable(),
  businessValue: z.string().nullable(),
  securityObjectives: objectivesSchema,
  rtoMinutes: z.number().int().nullable(),
  rpoMinutes: z.number().int().nullable(),
  mtdMinutes: z.number().int().nullable(),
  tags: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  owners: z.array(personSchema),
  supportsCount: z.number().int().describe('Assets this one supports (readable by the caller)'),
  supportedByCount: z.number().int().describe('Assets supporting this one (readable by the caller)'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
};

export const assetSummarySchema = z.object(assetFields);
export type AssetSummaryDto = z.infer<typeof assetSummarySchema>;

export const effectiveObjectiveSchema = z.object({
  objective: z.enum(securityObjectiveKeys),
  level: z
    .number()
    .int()
    .nullable()
    .describe('The effective level; null when neither it nor what it supports is rated'),
  own: z.number().int().nullable().describe('The level set on the asset itself'),
  inherited: z.boolean().describe('True when a supported asset raises the level above the asset’s own'),
  from: z
    .array(z.object({ id: z.uuid(), name: z.string().nullable() }))
    .describe('The asset(s) that set the level (name null: an asset the caller cannot read)'),
  path: z
    .array(z.string().nullable())
    .describe('Names from this asset up to the (first) source, following "supports" edges'),
});

export const assetSchema = z.object({
  ...assetFields,
  effectiveObjectives: z.array(effectiveObjectiveSchema),
  supports: z.array(linkedAssetSchema).describe('The assets this one supports'),
  supportedBy: z.array(linkedAssetSchema).describe('The assets that support this one'),
});
export type AssetDto = z.infer<typeof assetSchema>;

export const assetIdParams = z.object({ id: z.uuid() });
export const assetLinkParams = z.object({ id: z.uuid(), targetId: z.uuid() });

export const assetSortFields = ['name', 'refId', 'type', 'updatedAt'] as const;
export const listAssetsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(assetSortFields, 'name'),
  type: z.enum(assetTypes).optional(),
  category: z.enum(assetCategories).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  ownerId: z.uuid().optional(),
  tag: text(100).min(1).optional().describe('Assets carrying this tag (exact)'),
  supportsAssetId: z.uuid().optional().describe('Assets that support this asset'),
});

const tag = text(100).min(1);

/** The editable fields; `null` clears an optional one. */
const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  type: z.enum(assetTypes),
  category: z.enum(assetCategories).nullable().optional(),
  businessValue: text(300).nullable().optional(),
  securityObjectives: objectivesSchema.optional(),
  rtoMinutes: minutes,
  rpoMinutes: minutes,
  mtdMinutes: minutes,
  tags: z.array(tag).max(50).optional(),
  labels: labelsSchema.optional(),
  ownerIds: z.array(z.uuid()).max(50).optional().describe('Members of the organisation'),
};

export const createAssetBody = z.strictObject({ folderId: z.uuid(), ...editable });
export type CreateAssetInput = z.infer<typeof createAssetBody>;

export const updateAssetBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs asset:create there)'),
  ...editable,
  name: editable.name.optional(),
  type: editable.type.optional(),
});
export type UpdateAssetInput = Omit<z.infer<typeof updateAssetBody>, 'version'>;

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const assetPage = pageSchema(assetSummarySchema);

// Dependencies: PUT replaces the set of assets this one supports; POST adds one; DELETE removes one.
export const supportsSetBody = z.strictObject({ supportedAssetIds: z.array(z.uuid()).max(1000) });
export const supportsLinkBody = z.strictObject({ supportedAssetId: z.uuid() });

// Settings
export const objectiveLevelSchema = z.strictObject({
  level: z.number().int().min(0).max(100),
  name: text(100).min(1),
  description: text(1000).nullable().optional(),
});
export const assetSettingsSchema = z.object({
  objectiveScale: z.array(z.object({ level: z.number().int(), name: z.string(), description: z.string().nullable() })),
  enabledObjectives: z.array(z.enum(securityObjectiveKeys)),
  allObjectives: z.array(z.enum(securityObjectiveKeys)).describe('Every objective an organisation can enable'),
  version: z.number().int().describe('0 while the organisation uses the defaults'),
  abilities: z.object({ update: z.boolean() }),
});
export type AssetSettingsDto = z.infer<typeof assetSettingsSchema>;
export const updateAssetSettingsBody = z.strictObject({
  version: z.number().int().min(0).optional().describe('The version you loaded (0 for the defaults)'),
  objectiveScale: z.array(objectiveLevelSchema).min(2).max(10),
  enabledObjectives: z.array(z.enum(securityObjectiveKeys)).min(1).max(securityObjectiveKeys.length),
});
export type UpdateAssetSettingsInput = Omit<z.infer<typeof updateAssetSettingsBody>, 'version'>;
