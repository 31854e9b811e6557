import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';
import { referenceControlSummarySchema } from './reference-controls/contracts.js';
import { importanceValues } from './tables.js';

export const implementationGroupSchema = z.object({
  refId: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
});

export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string(),
  name: z.string(),
  frameworkVersion: z.string(),
  provider: z.string().nullable(),
  locale: z.string(),
  sourceFormat: z.enum(['oscal_catalog', 'ciso_assistant', 'rampart', 'owasp_asvs', 'builtin']),
  /** True for an entry shipped with Rampart (shared by every organisation, read-only). */
  library: z.boolean(),
  implementationGroups: z.array(implementationGroupSchema),
  requirementCount: z.number().int(),
  assessableCount: z.number().int(),
  createdAt: z.date(),
  abilities: z.object({ delete: z.boolean(), applyProfile: z.boolean() }),
});
export type FrameworkSummaryDto = z.infer<typeof frameworkSummarySchema>;

export const frameworkSchema = frameworkSummarySchema.extend({
  description: z.string().nullable(),
  packager: z.string().nullable(),
  copyright: z.string().nullable(),
  sourceSha256: z.string().nullable(),
  minScore: z.number().int().nullable(),
  maxScore: z.number().int().nullable(),
  scoresDefinition: z
    .array(z.object({ score: z.number(), name: z.string(), description: z.string().nullable().optional() }))
    .nullable(),
  translations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type FrameworkDto = z.infer<typeof frameworkSchema>;

export const frameworkIdParams = z.object({ id: z.uuid() });
export const requirementParams = z.object({ id: z.uuid(), nodeId: z.uuid() });

export const listFrameworksQuery = z.strictObject({
  ...listQueryBase,
  q: listQueryBase.q.describe('Text found in the name, ref id or URN'),
});
export const frameworkPage = pageSchema(frameworkSummarySchema);

/** The compact shape of a tree row: enough to draw and filter the tree of 1,200 nodes without the texts. */
export const requirementItemSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  depth: z.number().int(),
  orderIndex: z.number().int(),
  assessable: z.boolean(),
  withdrawn: z.boolean(),
  implementationGroups: z.array(z.string()),
});

export const requirementSchema = requirementItemSchema.extend({
  frameworkId: z.uuid(),
  description: z.string().nullable(),
  annotation: z.string().nullable(),
  weight: z.number().int(),
  importance: z.enum(importanceValues).nullable(),
  typicalEvidence: z.string().nullable(),
  translations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
  extra: z.record(z.string(), z.unknown()).nullable(),
  /** The generic controls the library proposes for this requirement. */
  referenceControls: z.array(referenceControlSummarySchema),
});

export const listRequirementsQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Text found in the ref id, name or description'),
  implementationGroup: z.string().trim().min(1).max(100).optional().describe('Only nodes of this group'),
  assessable: z.enum(['true', 'false']).optional().describe('Only assessable (or only structural) nodes'),
});
export const requirementTree = z.object({ items: z.array(requirementItemSchema) });
