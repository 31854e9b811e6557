import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { isoDate } from '../../platform/http/primitives.js';
import { personSchema } from '../users/index.js';
import { MAX_SLA_DAYS, MIN_SLA_DAYS } from './rules.js';
import {
  findingSeverities,
  findingStatuses,
  findingsAssessmentCategories,
  findingsAssessmentStatuses,
} from './tables.js';

const text = (max: number) => z.string().trim().max(max);
const abilities = z.object({ update: z.boolean(), delete: z.boolean() });
const bool = z.enum(['true', 'false']);

export const idParams = z.object({ id: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), targetId: z.uuid() });
export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

// ---- findings ----

const findingFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(findingSeverities),
  status: z.enum(findingStatuses),
  owner: personSchema.nullable(),
  findingsAssessment: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  identifiedAt: z.date(),
  dueDate: z.string().nullable(),
  closedAt: z.date().nullable(),
  overdue: z.boolean().describe('Due date before today and status not mitigated, closed or dismissed'),
  source: z.string(),
  externalRef: z.string().nullable(),
  assetCount: z.number().int(),
  appliedControlCount: z.number().int(),
  riskScenarioCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities,
};
export const findingSummarySchema = z.object(findingFields);
export type FindingSummaryDto = z.infer<typeof findingSummarySchema>;

export const linkedAssetSchema = z.object({ id: z.uuid(), refId: z.string().nullable(), name: z.string() });
export const linkedControlSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.string(),
});
export const linkedScenarioSchema = z.object({ id: z.uuid(), refId: z.string().nullable(), name: z.string() });

export const findingSchema = z.object({
  ...findingFields,
  assets: z.array(linkedAssetSchema),
  appliedControls: z.array(linkedControlSchema),
  riskScenarios: z.array(linkedScenarioSchema),
});
export type FindingDto = z.infer<typeof findingSchema>;
export const findingPage = pageSchema(findingSummarySchema);

export const findingSortFields = ['severity', 'dueDate', 'identifiedAt', 'title', 'updatedAt'] as const;
export const listFindingsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the title, ref id, external reference and description'),
  sort: sortParam(findingSortFields, 'updatedAt'),
  severity: z.enum(findingSeverities).optional(),
  status: z.enum(findingStatuses).optional(),
  open: bool.optional().describe('true: not mitigated, closed or dismissed; false: one of those'),
  overdue: bool.optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  ownerId: z.uuid().optional(),
  findingsAssessmentId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  appliedControlId: z.uuid().optional(),
  riskScenarioId: z.uuid().optional(),
});
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;

const findingEditable = {
  refId: text(100).nullable().optional(),
  title: text(300).min(1),
  description: text(20_000).nullable().optional(),
  severity: z.enum(findingSeverities),
  status: z.enum(findingStatuses).optional(),
  ownerId: z.uuid().nullable().optional().describe('A member of the organisation'),
  findingsAssessmentId: z.uuid().nullable().optional(),
  identifiedAt: z.coerce.date().optional().describe('Defaults to now'),
  dueDate: isoDate.nullable().optional().describe('Omitted: computed from the SLA of the severity. null: no due date'),
  externalRef: text(300).nullable().optional(),
};

export const createFindingBody = z.strictObject({
  folderId: z
    .uuid()
    .optional()
    .describe("Required unless findingsAssessmentId is given; then defaults to the assessment's folder"),
  ...findingEditable,
});
export type CreateFindingInput = z.infer<typeof createFindingBody>;

export const updateFindingBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs finding:create there)'),
  ...findingEditable,
  title: findingEditable.title.optional(),
  severity: findingEditable.severity.optional(),
});
export type UpdateFindingInput = Omit<z.infer<typeof updateFindingBody>, 'version'>;

export const assetSetBody = z.strictObject({ assetIds: z.array(z.uuid()).max(1000) });
export const assetLinkBody = z.strictObject({ assetId: z.uuid() });
export const controlSetBody = z.strictObject({ appliedControlIds: z.array(z.uuid()).max(1000) });
export const controlLinkBody = z.strictObject({ appliedControlId: z.uuid() });
export const scenarioSetBody = z.strictObject({ riskScenarioIds: z.array(z.uuid()).max(1000) });
export const scenarioLinkBody = z.strictObject({ riskScenarioId: z.uuid() });

// ---- findings assessments ----

const countsBySeverity = z.object(
  Object.fromEntries(findingSeverities.map((s) => [s, z.number().int()])) as Record<
    (typeof findingSeverities)[number],
    z.ZodNumber
  >,
);
const countsByStatus = z.object(
  Object.fromEntries(findingStatuses.map((s) => [s, z.number().int()])) as Record<
    (typeof findingStatuses)[number],
    z.ZodNumber
  >,
);

export const findingsAssessmentSchema = z.object({
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.enum(findingsAssessmentCategories),
  status: z.enum(findingsAssessmentStatuses),
  owner: personSchema.nullable(),
  findingCount: z.number().int().describe('Findings of the assessment the caller may read'),
  bySeverity: countsBySeverity,
  byStatus: countsByStatus,
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities,
});
export type FindingsAssessmentDto = z.infer<typeof findingsAssessmentSchema>;
export const findingsAssessmentPage = pageSchema(findingsAssessmentSchema);

export const assessmentSortFields = ['name', 'refId', 'status', 'updatedAt'] as const;
export const listAssessmentsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(assessmentSortFields, 'name'),
  category: z.enum(findingsAssessmentCategories).optional(),
  status: z.enum(findingsAssessmentStatuses).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
});
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuery>;

const assessmentEditable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  category: z.enum(findingsAssessmentCategories).optional(),
  status: z.enum(findingsAssessmentStatuses).optional(),
  ownerId: z.uuid().nullable().optional().describe('A member of the organisation'),
};
export const createAssessmentBody = z.strictObject({ folderId: z.uuid(), ...assessmentEditable });
export type CreateAssessmentInput = z.infer<typeof createAssessmentBody>;
export const updateAssessmentBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs finding:create there)'),
  ...assessmentEditable,
  name: assessmentEditable.name.optional(),
});
export type UpdateAssessmentInput = Omit<z.infer<typeof updateAssessmentBody>, 'version'>;

// ---- SLAs ----

const slaDays = z
  .number()
  .int()
  .min(MIN_SLA_DAYS)
  .max(MAX_SLA_DAYS)
  .nullable()
  .describe(`Days to fix (${MIN_SLA_DAYS}–${MAX_SLA_DAYS}); null: no due date`);
export const slaDaysSchema = z.object({
  critical: slaDays,
  high: slaDays,
  medium: slaDays,
  low: slaDays,
  info: slaDays,
});
export const findingSlasSchema = z.object({
  days: slaDaysSchema,
  isDefault: z.boolean().describe('True until the organisation saves its own'),
  version: z.number().int().describe('0 while the defaults apply'),
  abilities: z.object({ update: z.boolean() }),
});
export type FindingSlasDto = z.infer<typeof findingSlasSchema>;
export const updateSlasBody = z.strictObject({
  version: z.number().int().min(0).optional().describe('0 for the first save over the defaults'),
  days: z.strictObject(slaDaysSchema.shape),
});
