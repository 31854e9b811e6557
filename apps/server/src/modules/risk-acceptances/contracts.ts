import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { isoDate } from '../../platform/http/primitives.js';
import { personSchema } from '../users/index.js';
import { riskAcceptanceStates } from './tables.js';

const text = (max: number) => z.string().trim().max(max);
const booleanQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const linkedScenarioSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  folderId: z.uuid(),
  riskAssessment: z.object({ id: z.uuid(), name: z.string() }),
  currentLevel: z.number().int(),
  treatment: z.string(),
});

const acceptanceFields = {
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  justification: z.string().nullable(),
  approver: personSchema.nullable(),
  state: z.enum(riskAcceptanceStates),
  expiryDate: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: personSchema.nullable(),
  revokedAt: z.date().nullable(),
  inForce: z.boolean().describe('Accepted and not past its expiry date (today by the server clock, UTC)'),
  expired: z.boolean().describe('Accepted but past its expiry date: its scenarios are flagged again'),
  scenarioCount: z.number().int().describe('Linked scenarios the caller may read'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean().describe('May edit fields and scenarios now (state created and risk_acceptance:update)'),
    delete: z.boolean(),
    transitions: z.array(z.enum(riskAcceptanceStates)).describe('The states the caller may move it to now'),
  }),
};

export const riskAcceptanceSummarySchema = z.object(acceptanceFields);
export type RiskAcceptanceSummaryDto = z.infer<typeof riskAcceptanceSummarySchema>;
export const riskAcceptanceSchema = z.object({ ...acceptanceFields, scenarios: z.array(linkedScenarioSchema) });
export type RiskAcceptanceDto = z.infer<typeof riskAcceptanceSchema>;
export const riskAcceptancePage = pageSchema(riskAcceptanceSummarySchema);

export const acceptanceIdParams = z.object({ id: z.uuid() });
export const scenarioLinkParams = z.object({ id: z.uuid(), scenarioId: z.uuid() });

export const acceptanceSortFields = ['name', 'refId', 'state', 'expiryDate', 'updatedAt'] as const;
export const listAcceptancesQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id, description and justification'),
  sort: sortParam(acceptanceSortFields, 'name'),
  state: z.enum(riskAcceptanceStates).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  approverId: z
    .union([z.uuid(), z.literal('me')])
    .optional()
    .describe('A member id, or `me` for the caller'),
  riskScenarioId: z.uuid().optional().describe('Acceptances covering this scenario'),
  inForce: booleanQuery.describe('true: accepted and not expired; false: everything else'),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('In force with an expiry date within N days from today'),
  awaitingMe: booleanQuery.describe('true: submitted and waiting for the caller’s decision'),
});
export type ListAcceptancesQuery = z.infer<typeof listAcceptancesQuery>;

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  justification: text(20_000).nullable().optional(),
  approverId: z
    .uuid()
    .nullable()
    .optional()
    .describe('A member holding risk_acceptance:approve in the folder (approval authority)'),
  expiryDate: isoDate.nullable().optional().describe('The last day the acceptance is in force'),
};

export const createAcceptanceBody = z.strictObject({
  folderId: z.uuid(),
  ...editable,
  riskScenarioIds: z.array(z.uuid()).max(500).optional().describe('Scenarios covered (the caller must read each)'),
});
export type CreateAcceptanceInput = z.infer<typeof createAcceptanceBody>;

export const updateAcceptanceBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs risk_acceptance:create there)'),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateAcceptanceInput = Omit<z.infer<typeof updateAcceptanceBody>, 'version'>;

export const transitionBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  to: z.enum(riskAcceptanceStates),
  comment: text(5000).optional().describe('Kept in the audit trail with the transition'),
});

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const scenarioSetBody = z.strictObject({ riskScenarioIds: z.array(z.uuid()).max(500) });
export const scenarioLinkBody = z.strictObject({ riskScenarioId: z.uuid() });
