import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { isoDate } from '../../platform/http/primitives.js';
import { personSchema } from '../users/index.js';
import { appliedControlStatuses, controlCategories, csfFunctions, effortSizes } from './tables.js';

const text = (max: number) => z.string().trim().max(max);
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('An http or https URL');

export const linkedRequirementSchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  framework: z.object({ id: z.uuid(), refId: z.string(), name: z.string(), frameworkVersion: z.string() }),
});

export const linkedReferenceControlSchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
});

export const linkedEvidenceSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  validUntil: z.string().nullable(),
  revisionCount: z.number().int(),
});

const controlFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(appliedControlStatuses),
  category: z.enum(controlCategories).nullable(),
  csfFunction: z.enum(csfFunctions).nullable(),
  priority: z.number().int().nullable(),
  effort: z.enum(effortSizes).nullable(),
  costBuild: z.number().int().nullable(),
  costRun: z.number().int().nullable(),
  currency: z.string().nullable(),
  startDate: z.string().nullable(),
  eta: z.string().nullable(),
  expiryDate: z.string().nullable(),
  progress: z.number().int(),
  link: z.string().nullable(),
  owners: z.array(personSchema),
  requirementCount: z.number().int(),
  evidenceCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
};

export const appliedControlSummarySchema = z.object(controlFields);
export type AppliedControlSummaryDto = z.infer<typeof appliedControlSummarySchema>;

export const appliedControlSchema = z.object({
  ...controlFields,
  requirements: z.array(linkedRequirementSchema),
  referenceControls: z.array(linkedReferenceControlSchema),
  evidence: z.array(linkedEvidenceSchema),
});
export type AppliedControlDto = z.infer<typeof appliedControlSchema>;

export const controlIdParams = z.object({ id: z.uuid() });

export const controlSortFields = ['name', 'refId', 'status', 'priority', 'eta', 'updatedAt'] as const;
export const listControlsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(controlSortFields, 'name'),
  status: z.enum(appliedControlStatuses).optional(),
  category: z.enum(controlCategories).optional(),
  csfFunction: z.enum(csfFunctions).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  ownerId: z.uuid().optional(),
  requirementNodeId: z.uuid().optional().describe('Controls linked to this requirement'),
  evidenceId: z.uuid().optional().describe('Controls this evidence is attached to'),
});

/** The editable fields; `null` clears an optional one. */
const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  status: z.enum(appliedControlStatuses).optional(),
  category: z.enum(controlCategories).nullable().optional(),
  csfFunction: z.enum(csfFunctions).nullable().optional(),
  priority: z.number().int().min(1).max(4).nullable().optional().describe('1 (highest) to 4'),
  effort: z.enum(effortSizes).nullable().optional(),
  costBuild: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  costRun: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'An ISO 4217 code such as EUR')
    .transform((c) => c.toUpperCase())
    .nullable()
    .optional(),
  startDate: isoDate.nullable().optional(),
  eta: isoDate.nullable().optional(),
  expiryDate: isoDate.nullable().optional(),
  progress: z.number().int().min(0).max(100).optional(),
  link: httpUrl.nullable().optional(),
  ownerIds: z.array(z.uuid()).max(50).optional().describe('Members of the organisation'),
};

export const createControlBody = z.strictObject({ folderId: z.uuid(), ...editable });
export type CreateControlInput = z.infer<typeof createControlBody>;

export const updateControlBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs applied_control:create there)'),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateControlInput = Omit<z.infer<typeof updateControlBody>, 'version'>;

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const appliedControlPage = pageSchema(appliedControlSummarySchema);

// Links: PUT replaces the whole set; POST adds one; DELETE removes one. All idempotent.
export const requirementSetBody = z.strictObject({ requirementNodeIds: z.array(z.uuid()).max(1000) });
export const requirementLinkBody = z.strictObject({ requirementNodeId: z.uuid() });
export const referenceControlSetBody = z.strictObject({ referenceControlIds: z.array(z.uuid()).max(1000) });
export const referenceControlLinkBody = z.strictObject({ referenceControlId: z.uuid() });
export const evidenceSetBody = z.strictObject({ evidenceIds: z.array(z.uuid()).max(1000) });
export const evidenceLinkBody = z.strictObject({ evidenceId: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), targetId: z.uuid() });
