import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { matrixDefinitionSchema } from '../risk-matrices/index.js';
import { riskAssessmentStatuses, riskTreatments } from './tables.js';

export const isoDate = z.iso.date();
export const text = (max: number) => z.string().trim().max(max);
export const personSchema = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });
export const idParams = z.object({ id: z.uuid() });
export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

const matrixRefSchema = z.object({ id: z.uuid(), name: z.string(), revision: z.number().int() });

const assessmentFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  assessmentVersion: z.string().nullable(),
  status: z.enum(riskAssessmentStatuses),
  dueDate: z.string().nullable(),
  riskToleranceLevel: z.number().int().nullable(),
  riskMatrix: matrixRefSchema,
  locked: z.boolean().describe('Done or deprecated: only its status can change, its scenarios cannot'),
  scenarioCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean(),
    delete: z.boolean(),
    approve: z.boolean(),
    createScenario: z.boolean(),
  }),
};

export const riskAssessmentSummarySchema = z.object(assessmentFields);
export type RiskAssessmentSummaryDto = z.infer<typeof riskAssessmentSummarySchema>;

export const riskAssessmentSchema = z.object({
  ...assessmentFields,
  riskMatrix: matrixRefSchema.extend({
    urn: z.string(),
    refId: z.string().nullable(),
    definition: matrixDefinitionSchema,
  }),
  authors: z.array(personSchema),
  reviewers: z.array(personSchema),
  counts: z.object({
    scenarios: z.number().int(),
    rated: z.number().int().describe('Scenarios with a current rating'),
    flagged: z.number().int(),
    byTreatment: z.object(
      Object.fromEntries(riskTreatments.map((t) => [t, z.number().int()])) as {
        [K in (typeof riskTreatments)[number]]: z.ZodNumber;
      },
    ),
  }),
});
export type RiskAssessmentDto = z.infer<typeof riskAssessmentSchema>;

export const assessmentSortFields = ['name', 'refId', 'status', 'dueDate', 'updatedAt'] as const;
export const listAssessmentsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(assessmentSortFields, 'name'),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  status: z.enum(riskAssessmentStatuses).optional(),
  riskMatrixId: z.uuid().optional(),
});

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  assessmentVersion: text(50).nullable().optional(),
  riskMatrixId: z.uuid().describe('A built-in matrix or one of the organisation'),
  riskToleranceLevel: z
    .number()
    .int()
    .min(0)
    .max(9)
    .nullable()
    .optional()
    .describe('Index of the highest acceptable risk level of the matrix; null flags nothing'),
  status: z.enum(riskAssessmentStatuses).optional(),
  dueDate: isoDate.nullable().optional(),
  authorIds: z.array(z.uuid()).max(50).optional().describe('Members of the organisation'),
  reviewerIds: z.array(z.uuid()).max(50).optional().describe('Members of the organisation'),
};

export const createAssessmentBody = z.strictObject({ folderId: z.uuid(), ...editable });
export type CreateAssessmentInput = z.infer<typeof createAssessmentBody>;

export const updateAssessmentBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move it (and its scenarios) to this folder'),
  ...editable,
  name: editable.name.optional(),
  riskMatrixId: editable.riskMatrixId.optional(),
});
export type UpdateAssessmentInput = Omit<z.infer<typeof updateAssessmentBody>, 'version'>;

export const rerateBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  riskMatrixId: z.uuid(),
  probabilityMap: z.array(z.number().int().min(0).max(9)).max(10).describe('Old probability index → new index'),
  impactMap: z.array(z.number().int().min(0).max(9)).max(10).describe('Old impact index → new index'),
  toleranceLevel: z
    .number()
    .int()
    .min(0)
    .max(9)
    .nullable()
    .optional()
    .describe('The tolerance on the new matrix; omitted keeps the index when the new matrix has it'),
});
export type RerateInput = Omit<z.infer<typeof rerateBody>, 'version'>;

export const riskAssessmentPage = pageSchema(riskAssessmentSummarySchema);
