import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { isoDate } from '../../platform/http/primitives.js';
import { personSchema } from '../users/index.js';
import { securityExceptionStates, severities } from './tables.js';

const text = (max: number) => z.string().trim().max(max);
const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const linkedRequirementAssessmentSchema = z.object({
  id: z.uuid(),
  assessment: z.object({ id: z.uuid(), name: z.string() }),
  requirement: z.object({ id: z.uuid(), urn: z.string(), refId: z.string().nullable(), name: z.string().nullable() }),
  status: z.string(),
  result: z.string(),
});

export const linkedControlSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.string(),
});

const exceptionFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  justification: z.string().nullable(),
  owner: personSchema.nullable(),
  approver: personSchema.nullable(),
  severity: z.enum(severities),
  state: z.enum(securityExceptionStates),
  expiryDate: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: personSchema.nullable(),
  requirementAssessmentCount: z.number().int().describe('Linked requirement assessments the caller may read'),
  appliedControlCount: z.number().int().describe('Linked applied controls the caller may read'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean().describe('May edit fields and links now (draft or expired, security_exception:update)'),
    delete: z.boolean(),
    transitions: z.array(z.enum(securityExceptionStates)).describe('The states the caller may move it to now'),
  }),
};

export const securityExceptionSummarySchema = z.object(exceptionFields);
export type SecurityExceptionSummaryDto = z.infer<typeof securityExceptionSummarySchema>;
export const securityExceptionSchema = z.object({
  ...exceptionFields,
  requirementAssessments: z.array(linkedRequirementAssessmentSchema),
  appliedControls: z.array(linkedControlSchema),
});
export type SecurityExceptionDto = z.infer<typeof securityExceptionSchema>;
export const securityExceptionPage = pageSchema(securityExceptionSummarySchema);

export const exceptionIdParams = z.object({ id: z.uuid() });
export const exceptionLinkParams = z.object({ id: z.uuid(), targetId: z.uuid() });

export const exceptionSortFields = ['name', 'refId', 'state', 'expiryDate', 'updatedAt'] as const;
export const listExceptionsQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id, description and justification'),
  sort: sortParam(exceptionSortFields, 'name'),
  state: z.enum(securityExceptionStates).optional(),
  severity: z.enum(severities).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  ownerId: z
    .union([z.uuid(), z.literal('me')])
    .optional()
    .describe('A member id, or `me`'),
  approverId: z
    .union([z.uuid(), z.literal('me')])
    .optional()
    .describe('A member id, or `me`'),
  awaitingMe: booleanQuery.describe('true: in review and waiting for the caller’s decision as named approver'),
  requirementAssessmentId: z.uuid().optional().describe('Exceptions linked to this requirement assessment'),
  appliedControlId: z.uuid().optional().describe('Exceptions linked to this applied control'),
});
export type ListExceptionsQuery = z.infer<typeof listExceptionsQuery>;

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  justification: text(20_000).nullable().optional(),
  ownerId: z.uuid().nullable().optional().describe('A member who may read security exceptions in the folder'),
  approverId: z
    .uuid()
    .nullable()
    .optional()
    .describe('A member holding security_exception:approve in the folder (approval authority)'),
  severity: z.enum(severities).optional(),
  expiryDate: isoDate.nullable().optional().describe('The last day the exception is valid'),
};

export const createExceptionBody = z.strictObject({
  folderId: z.uuid(),
  ...editable,
  requirementAssessmentIds: z.array(z.uuid()).max(500).optional(),
  appliedControlIds: z.array(z.uuid()).max(500).optional(),
});
export type CreateExceptionInput = z.infer<typeof createExceptionBody>;

export const updateExceptionBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs security_exception:create there)'),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateExceptionInput = Omit<z.infer<typeof updateExceptionBody>, 'version'>;

export const transitionBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  to: z.enum(securityExceptionStates),
  comment: text(5000).optional().describe('Kept in the audit trail with the transition'),
});

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const requirementAssessmentSetBody = z.strictObject({ requirementAssessmentIds: z.array(z.uuid()).max(500) });
export const requirementAssessmentLinkBody = z.strictObject({ requirementAssessmentId: z.uuid() });
export const controlSetBody = z.strictObject({ appliedControlIds: z.array(z.uuid()).max(500) });
export const controlLinkBody = z.strictObject({ appliedControlId: z.uuid() });
