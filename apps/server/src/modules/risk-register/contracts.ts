import { z } from 'zod';
import { appliedControlStatuses } from '../controls/index.js';
import { riskTreatments } from '../risk-assessments/index.js';

export const riskAssessmentIdParams = z.object({ id: z.uuid() });
export const filterIdParams = z.object({ id: z.uuid() });

const scalePoint = z.object({
  abbreviation: z.string(),
  name: z.string(),
  description: z.string().nullish(),
});

/** The matrix the assessment rates on, so the UI draws axes, colours and the legend without a second call. */
export const matrixSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  revision: z.number().int(),
  definition: z.object({
    probability: z.array(scalePoint),
    impact: z.array(scalePoint),
    risk: z.array(scalePoint.extend({ color: z.string() })),
    grid: z.array(z.array(z.number().int())),
  }),
});

const grid = z.array(z.array(z.number().int())).describe('Counts of scenarios per [probability][impact]');

export const heatMapSchema = z.object({
  matrix: matrixSchema,
  riskToleranceLevel: z.number().int().nullable(),
  inherent: grid,
  current: grid,
  residual: grid,
  unrated: z.object({ inherent: z.number().int(), current: z.number().int(), residual: z.number().int() }),
  flaggedCount: z.number().int(),
  byLevel: z.object({
    current: z.array(z.number().int()).describe('Counts of scenarios per current risk level index'),
    residual: z.array(z.number().int()).describe('Counts of scenarios per residual risk level index'),
  }),
});
export type HeatMapDto = z.infer<typeof heatMapSchema>;

const person = z.object({ id: z.uuid(), displayName: z.string(), email: z.string() });

const treatedScenario = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  currentLevel: z.number().int(),
  residualLevel: z.number().int(),
});

export const plannedControlSchema = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  status: z.enum(appliedControlStatuses),
  eta: z.string().nullable(),
  progress: z.number().int(),
  owners: z.array(person),
  overdue: z.boolean().describe('The ETA has passed and the control is not active yet'),
  scenarios: z.array(treatedScenario),
});
export type PlannedControlDto = z.infer<typeof plannedControlSchema>;

export const treatmentPlanSchema = z.object({
  matrix: matrixSchema,
  controls: z.array(plannedControlSchema).describe('Planned applied controls, by ETA (none last)'),
  gaps: z
    .array(treatedScenario.extend({ treatment: z.enum(riskTreatments) }))
    .describe('Scenarios to mitigate that have no planned control'),
});
export type TreatmentPlanDto = z.infer<typeof treatmentPlanSchema>;

// RFC 3986 query characters; a saved filter is replayed as the register's URL search, so nothing else may enter.
const queryCharacters = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/;
const decodable = (query: string) => {
  try {
    for (const part of query.split('&')) decodeURIComponent(part.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
};

export const registerQuery = z
  .string()
  .trim()
  .max(2000)
  .transform((q) => (q.startsWith('?') ? q.slice(1) : q))
  .pipe(
    z
      .string()
      .regex(queryCharacters, 'A URL query string such as treatment=mitigate&flagged=true')
      .refine(decodable, 'A URL query string with valid percent-encoding'),
  );

export const createFilterBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  query: registerQuery.describe('The register’s URL search string, e.g. `treatment=mitigate&flagged=true`'),
});
export type CreateFilterInput = z.infer<typeof createFilterBody>;

export const savedFilterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  createdAt: z.date(),
});
export const savedFilterList = z.object({ items: z.array(savedFilterSchema) });
