import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { riskAcceptanceStates } from '../risk-acceptances/index.js';
import { MAX_SCALE } from '../risk-matrices/index.js';
import { personSchema, text } from './contracts.js';
import { ratingKinds } from './rating.js';
import { riskTreatments, strengthOfKnowledgeValues } from './tables.js';

const ratingSchema = z.object({ probability: z.number().int(), impact: z.number().int(), level: z.number().int() });

const scenarioFields = {
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  riskAssessment: z.object({ id: z.uuid(), name: z.string(), riskMatrixId: z.uuid() }),
  folderId: z.uuid(),
  inherent: ratingSchema,
  current: ratingSchema,
  residual: ratingSchema,
  treatment: z.enum(riskTreatments),
  owner: personSchema.nullable(),
  strengthOfKnowledge: z.enum(strengthOfKnowledgeValues).nullable(),
  flagged: z.boolean().describe('Current level above the tolerance and no acceptance in force covers it'),
  assetCount: z.number().int(),
  threatCount: z.number().int(),
  plannedControlCount: z.number().int(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
};

export const riskScenarioSummarySchema = z.object(scenarioFields);
export type RiskScenarioSummaryDto = z.infer<typeof riskScenarioSummarySchema>;

const linkedControlSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  eta: z.string().nullable(),
});

export const riskScenarioSchema = z.object({
  ...scenarioFields,
  description: z.string().nullable(),
  vulnerabilities: z.string().nullable(),
  existingControlsText: z.string().nullable(),
  justification: z.string().nullable(),
  createdAt: z.date(),
  threats: z.array(
    z.object({ id: z.uuid(), refId: z.string().nullable(), name: z.string(), category: z.string().nullable() }),
  ),
  assets: z.array(z.object({ id: z.uuid(), refId: z.string().nullable(), name: z.string(), type: z.string() })),
  existingControls: z.array(linkedControlSchema),
  plannedControls: z.array(linkedControlSchema),
  acceptances: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      state: z.enum(riskAcceptanceStates),
      expiryDate: z.string().nullable(),
      inForce: z.boolean(),
    }),
  ),
});
export type RiskScenarioDto = z.infer<typeof riskScenarioSchema>;

export const scenarioSortFields = [
  'name',
  'refId',
  'inherentLevel',
  'currentLevel',
  'residualLevel',
  'treatment',
  'updatedAt',
] as const;

const ratingIndex = z.coerce.number().int().min(-1).max(MAX_SCALE);
export const listScenariosQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(scenarioSortFields, 'name'),
  riskAssessmentId: z.uuid().optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  treatment: z.enum(riskTreatments).optional(),
  ownerId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  threatId: z.uuid().optional(),
  appliedControlId: z.uuid().optional().describe('Linked as an existing or a planned control'),
  flagged: z.enum(['true', 'false']).optional(),
  ratingKind: z.enum(ratingKinds).default('current').describe('Which rating probability, impact and level filter'),
  probability: ratingIndex.optional(),
  impact: ratingIndex.optional(),
  level: z.coerce.number().int().min(-1).max(9).optional(),
});
export type ListScenariosQuery = z.infer<typeof listScenariosQuery>;

const ratingPoint = z.number().int().min(-1).max(MAX_SCALE).describe('Index into the scale; -1 = not rated');
const ratingPatch = z.strictObject({ probability: ratingPoint.optional(), impact: ratingPoint.optional() });

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  vulnerabilities: text(20_000).nullable().optional(),
  existingControlsText: text(20_000).nullable().optional(),
  treatment: z.enum(riskTreatments).optional(),
  ownerId: z.uuid().nullable().optional().describe('A member of the organisation'),
  strengthOfKnowledge: z.enum(strengthOfKnowledgeValues).nullable().optional(),
  justification: text(20_000).nullable().optional(),
  inherent: ratingPatch.optional(),
  current: ratingPatch.optional(),
  residual: ratingPatch.optional(),
};

export const createScenarioBody = z.strictObject({ riskAssessmentId: z.uuid(), ...editable });
export type CreateScenarioInput = z.infer<typeof createScenarioBody>;

export const updateScenarioBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateScenarioInput = Omit<z.infer<typeof updateScenarioBody>, 'version'>;

export const riskScenarioPage = pageSchema(riskScenarioSummarySchema);

// Links: PUT replaces the set, POST adds one, DELETE removes one (all idempotent, no version).
export const threatSetBody = z.strictObject({ threatIds: z.array(z.uuid()).max(500) });
export const threatLinkBody = z.strictObject({ threatId: z.uuid() });
export const assetSetBody = z.strictObject({ assetIds: z.array(z.uuid()).max(500) });
export const assetLinkBody = z.strictObject({ assetId: z.uuid() });
export const controlSetBody = z.strictObject({ appliedControlIds: z.array(z.uuid()).max(500) });
export const controlLinkBody = z.strictObject({ appliedControlId: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), targetId: z.uuid() });
