import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { assessmentStatuses, requirementResults, scoringMethods } from './tables.js';

const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
const userIds = z.array(z.uuid()).max(50);

export const assessmentAbilities = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  /** Change requirement assessments: update permission and not locked. */
  editRequirements: z.boolean(),
  review: z.boolean(),
  /** Lock (done) and reopen a done assessment. */
  approve: z.boolean(),
});

export const resultCounts = z.object(
  Object.fromEntries(requirementResults.map((r) => [r, z.number().int()])) as Record<
    (typeof requirementResults)[number],
    z.ZodNumber
  >,
);
export type ResultCountsDto = z.infer<typeof resultCounts>;

export const assessmentListItem = z.object({
  id: z.uuid(),
  folderId: z.uuid(),
  folderName: z.string(),
  frameworkId: z.uuid(),
  frameworkUrn: z.string(),
  frameworkName: z.string(),
  frameworkVersion: z.string(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.enum(assessmentStatuses),
  implementationGroups: z.array(z.string()),
  scoringMethod: z.enum(scoringMethods),
  dueDate: z.string().nullable(),
  lockedAt: z.date().nullable(),
  requirementCount: z.number().int(),
  /** Share of requirement assessments with a result other than not_assessed, 0–100. */
  progress: z.number(),
  results: resultCounts,
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: assessmentAbilities,
});
export type AssessmentListItemDto = z.infer<typeof assessmentListItem>;

const person = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });

export const sectionSummary = z.object({
  nodeId: z.uuid().nullable(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  total: z.number().int(),
  progress: z.number(),
  score: z.number().nullable(),
  results: resultCounts,
});

export const assessmentSummary = z.object({
  total: z.number().int(),
  assessed: z.number().int(),
  progress: z.number(),
  /** Null when nothing counts (no scored requirement, or the framework has no scale). */
  score: z.number().nullable(),
  scoringMethod: z.enum(scoringMethods),
  minScore: z.number().int().nullable(),
  maxScore: z.number().int().nullable(),
  results: resultCounts,
  sections: z.array(sectionSummary),
});
export type AssessmentSummaryDto = z.infer<typeof assessmentSummary>;

export const assessmentSchema = assessmentListItem.extend({
  description: z.string().nullable(),
  frameworkImplementationGroups: z.array(z.object({ refId: z.string(), name: z.string() })),
  minScore: z.number().int().nullable(),
  maxScore: z.number().int().nullable(),
  scoresDefinition: z.array(z.object({ score: z.number(), name: z.string() })).nullable(),
  inferredFrom: z
    .array(z.object({ assessmentId: z.string(), mappingSetIds: z.array(z.string()), at: z.string() }))
    .nullable(),
  authors: z.array(person),
  reviewers: z.array(person),
  summary: assessmentSummary,
});
export type AssessmentDto = z.infer<typeof assessmentSchema>;

export const assessmentIdParams = z.object({ id: z.uuid() });
export const compareParams = z.object({ id: z.uuid(), otherId: z.uuid() });

export const listAssessmentsQuery = z.strictObject({
  ...listQueryBase,
  q: listQueryBase.q.describe('Text found in the name or ref id'),
  sort: sortParam(['name', 'createdAt', 'dueDate'], 'name'),
  status: z.enum(assessmentStatuses).optional(),
  frameworkId: z.uuid().optional(),
  frameworkUrn: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe('Only assessments of this framework URN, whatever the version (e.g. candidates to compare with)'),
  folderId: z
    .uuid()
    .optional()
    .describe('Only assessments in this folder or below it; a folder unknown to the organisation gives an empty page'),
});
export const assessmentPage = pageSchema(assessmentListItem);

export const createAssessmentBody = z.strictObject({
  folderId: z.uuid(),
  frameworkId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  refId: z.string().trim().min(1).max(100).nullable().optional(),
  description: z.string().trim().max(10_000).nullable().optional(),
  implementationGroups: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  scoringMethod: z.enum(scoringMethods).optional(),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(['planned', 'in_progress']).optional(),
  authorIds: userIds.optional(),
  reviewerIds: userIds.optional(),
});

export const updateAssessmentBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  name: z.string().trim().min(1).max(300).optional(),
  refId: z.string().trim().min(1).max(100).nullable().optional(),
  description: z.string().trim().max(10_000).nullable().optional(),
  status: z.enum(assessmentStatuses).optional(),
  dueDate: isoDate.nullable().optional(),
  scoringMethod: z.enum(scoringMethods).optional(),
  folderId: z.uuid().optional().describe('Move the assessment to this folder'),
  authorIds: userIds.optional(),
  reviewerIds: userIds.optional(),
});
export type UpdateAssessmentInput = Omit<z.infer<typeof updateAssessmentBody>, 'version'>;

export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const compareRow = z.object({
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string().nullable(),
  before: z.enum(requirementResults).nullable(),
  after: z.enum(requirementResults).nullable(),
  change: z.enum(['improved', 'regressed', 'changed', 'unchanged', 'added', 'removed']),
});
export const compareSchema = z.object({
  base: z.object({ id: z.uuid(), name: z.string(), frameworkVersion: z.string() }),
  other: z.object({ id: z.uuid(), name: z.string(), frameworkVersion: z.string() }),
  counts: z.object({
    improved: z.number().int(),
    regressed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
  }),
  rows: z.array(compareRow),
});
