import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../../platform/http/pagination.js';

/** The vocabularies CISO Assistant libraries use; stored values are kept as imported, so responses are strings. */
export const referenceControlCategories = ['policy', 'process', 'technical', 'physical', 'procedure'] as const;
export const csfFunctions = ['govern', 'identify', 'protect', 'detect', 'respond', 'recover'] as const;

export const referenceControlSummarySchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  category: z.string().nullable(),
  csfFunction: z.string().nullable(),
  provider: z.string().nullable(),
  /** True for an entry shipped with Rampart (shared by every organisation, read-only). */
  library: z.boolean(),
});
export type ReferenceControlSummaryDto = z.infer<typeof referenceControlSummarySchema>;

/** A requirement of a loaded framework that proposes the control. */
export const proposingRequirementSchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  framework: z.object({ id: z.uuid(), name: z.string(), frameworkVersion: z.string() }),
});

export const referenceControlSchema = referenceControlSummarySchema.extend({
  description: z.string().nullable(),
  annotation: z.string().nullable(),
  translations: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  requirements: z.array(proposingRequirementSchema),
  /** True when more requirements propose it than `requirements` lists. */
  requirementsTruncated: z.boolean(),
});
export type ReferenceControlDto = z.infer<typeof referenceControlSchema>;

export const referenceControlIdParams = z.object({ id: z.uuid() });

export const listReferenceControlsQuery = z.strictObject({
  ...listQueryBase,
  q: listQueryBase.q.describe('Text found in the ref id or name'),
  category: z.enum(referenceControlCategories).optional().describe('Only controls of this category'),
  csfFunction: z.enum(csfFunctions).optional().describe('Only controls of this NIST CSF function'),
});
export const referenceControlPage = pageSchema(referenceControlSummarySchema);
