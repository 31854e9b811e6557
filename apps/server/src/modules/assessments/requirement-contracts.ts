import { z } from 'zod';
import { requirementAssessmentStatuses, requirementResults } from './tables.js';

/** One row of the workspace: a framework node and, when in scope, its requirement assessment (compact). */
export const workspaceItem = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  depth: z.number().int(),
  orderIndex: z.number().int(),
  assessable: z.boolean(),
  implementationGroups: z.array(z.string()),
  assessment: z
    .object({
      id: z.uuid(),
      status: z.enum(requirementAssessmentStatuses),
      result: z.enum(requirementResults),
      score: z.number().int().nullable(),
      isScored: z.boolean(),
      hasObservation: z.boolean(),
      inferred: z.boolean(),
      evidenceCount: z.number().int(),
      controlCount: z.number().int(),
      version: z.number().int(),
    })
    .nullable()
    .describe('Null for structural nodes and for nodes outside the assessment’s implementation groups'),
});
export const workspacePayload = z.object({ items: z.array(workspaceItem) });

const linkedSummary = z.object({ id: z.uuid(), refId: z.string().nullable(), name: z.string(), status: z.string() });

export const inferenceSchema = z.object({
  rule: z.string(),
  sources: z.array(
    z.object({
      assessmentId: z.string(),
      requirementUrn: z.string(),
      refId: z.string().nullable(),
      result: z.enum(requirementResults),
      relationship: z.string(),
      mappingSetId: z.string(),
      path: z.array(z.string()),
    }),
  ),
});

export const requirementAssessmentSchema = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  requirement: z.object({
    id: z.uuid(),
    urn: z.string(),
    refId: z.string().nullable(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    annotation: z.string().nullable(),
    typicalEvidence: z.string().nullable(),
    implementationGroups: z.array(z.string()),
  }),
  status: z.enum(requirementAssessmentStatuses),
  result: z.enum(requirementResults),
  score: z.number().int().nullable(),
  isScored: z.boolean(),
  observation: z.string().nullable(),
  inferred: z.boolean(),
  inference: inferenceSchema.nullable(),
  evidence: z.array(linkedSummary),
  appliedControls: z.array(linkedSummary),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), review: z.boolean(), link: z.boolean() }),
});
export type RequirementAssessmentDto = z.infer<typeof requirementAssessmentSchema>;

export const requirementAssessmentParams = z.object({ id: z.uuid() });

/** Fields any change may carry; `inferred: false` confirms an inferred result as it is. */
export const requirementChanges = {
  status: z.enum(requirementAssessmentStatuses).optional(),
  result: z.enum(requirementResults).optional(),
  score: z.number().int().min(-1000).max(1000).nullable().optional(),
  isScored: z.boolean().optional(),
  observation: z.string().trim().max(20_000).nullable().optional(),
  inferred: z.literal(false).optional().describe('Send false to confirm an inferred result'),
};

export const updateRequirementAssessmentBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  ...requirementChanges,
});
export type RequirementChanges = Omit<z.infer<typeof updateRequirementAssessmentBody>, 'version'>;

export const linksBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  evidenceIds: z.array(z.uuid()).max(500).optional(),
  appliedControlIds: z.array(z.uuid()).max(500).optional(),
});

export const bulkBody = z.strictObject({
  items: z
    .array(z.strictObject({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(2000),
  changes: z
    .strictObject({
      status: requirementChanges.status,
      result: requirementChanges.result,
      score: requirementChanges.score,
      isScored: requirementChanges.isScored,
      inferred: requirementChanges.inferred,
    })
    .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'Name at least one change' }),
});
export const bulkResult = z.object({
  updated: z.number().int(),
  items: z.array(z.object({ id: z.uuid(), version: z.number().int() })),
});
