import { z } from 'zod';
import { assessmentStatuses, requirementResults } from '../assessments/index.js';
import { mappingRelationships } from '../frameworks/index.js';

const carriedResults = requirementResults.filter((r) => r !== 'not_assessed') as [
  'compliant',
  'partially_compliant',
  'non_compliant',
  'not_applicable',
];

const sourceAssessmentIds = z
  .array(z.uuid())
  .min(1)
  .max(20)
  .describe('Assessments whose results are carried (any status; not_assessed results carry nothing)');
const implementationGroups = z
  .array(z.string().trim().min(1).max(100))
  .max(50)
  .optional()
  .describe('Restrict the target to these implementation groups of the target framework');

export const previewBody = z.strictObject({
  sourceAssessmentIds,
  targetFrameworkId: z.uuid(),
  implementationGroups,
});

export const inferBody = z.strictObject({
  sourceAssessmentIds,
  targetFrameworkId: z.uuid(),
  implementationGroups,
  folderId: z.uuid().describe('Where the new assessment goes (needs compliance_assessment:create there)'),
  name: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).optional(),
});

export const refreshBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  sourceAssessmentIds: sourceAssessmentIds
    .optional()
    .describe('Replace the sources; by default those the assessment was inferred from'),
});

export const assessmentIdParams = z.object({ id: z.uuid() });
export const reachableQuery = z.strictObject({ frameworkId: z.uuid() });

const traceSourceSchema = z.object({
  assessmentId: z.uuid(),
  requirementUrn: z.string(),
  refId: z.string().nullable(),
  result: z.enum(requirementResults),
  relationship: z.enum(mappingRelationships).describe('Source → target, composed over every hop'),
  mappingSetId: z.string().describe('The set of the first hop'),
  path: z.array(z.string()).describe('Requirement URNs crossed, source first'),
  carried: z.enum(carriedResults).nullable().describe('What this source alone carries (null: nothing)'),
  hops: z.array(
    z.object({ mappingSetId: z.string(), relationship: z.enum(mappingRelationships), reversed: z.boolean() }),
  ),
});
export const traceSchema = z.object({ rule: z.string(), sources: z.array(traceSourceSchema) });

export const countsSchema = z.object({
  compliant: z.number().int(),
  partially_compliant: z.number().int(),
  non_compliant: z.number().int(),
  not_applicable: z.number().int(),
  undetermined: z.number().int().describe('Reached by sources that determine nothing'),
  unmapped: z.number().int().describe('Reached by no source'),
});

const sourceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(assessmentStatuses),
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  reachable: z.boolean().describe('Whether mapping sets lead from its framework to the target'),
  mappingSetIds: z.array(z.uuid()),
});

export const previewResponse = z.object({
  targetFramework: z.object({ id: z.uuid(), urn: z.string(), name: z.string() }),
  sources: z.array(sourceSummary),
  mappingSets: z.array(z.object({ id: z.uuid(), name: z.string() })),
  counts: countsSchema,
  requirements: z.array(
    z.object({
      requirementNodeId: z.uuid(),
      urn: z.string(),
      refId: z.string().nullable(),
      name: z.string().nullable(),
      result: z.enum(carriedResults).nullable(),
      trace: traceSchema.nullable(),
    }),
  ),
});

const inferredFromSchema = z
  .array(z.object({ assessmentId: z.uuid(), mappingSetIds: z.array(z.uuid()), at: z.string() }))
  .nullable();

export const inferResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  folderId: z.uuid(),
  frameworkId: z.uuid(),
  status: z.enum(assessmentStatuses),
  version: z.number().int(),
  inferredFrom: inferredFromSchema,
  requirementCount: z.number().int(),
  counts: countsSchema,
  unreachableAssessmentIds: z.array(z.uuid()),
  abilities: z.object({ update: z.boolean() }),
});

export const refreshResponse = z.object({
  id: z.uuid(),
  version: z.number().int(),
  inferredFrom: inferredFromSchema,
  updated: z.number().int().describe('Requirement assessments whose result changed'),
  kept: z.number().int().describe('Requirement assessments a person decided, left as they are'),
  counts: countsSchema,
  unreachableAssessmentIds: z.array(z.uuid()),
  abilities: z.object({ update: z.boolean() }),
});

export const reachableResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      urn: z.string(),
      name: z.string(),
      frameworkVersion: z.string(),
      hops: z.number().int().describe('Mapping sets to cross from the given framework'),
    }),
  ),
});
