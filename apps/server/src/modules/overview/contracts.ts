import { z } from 'zod';
import { assessmentStatuses, requirementResults } from '../assessments/index.js';
import { appliedControlStatuses } from '../controls/index.js';
import { evidenceStatuses } from '../evidence/index.js';

export const frameworkIdParams = z.object({ id: z.uuid() });
export const folderFilterQuery = z.strictObject({
  folderId: z.uuid().optional().describe('Only what lies in this folder and below'),
});

/** How far a piece of evidence can be trusted today (see overview/status.ts). */
export const evidenceValidities = ['valid', 'expiring', 'expired', 'not_approved'] as const;
export const coverageStates = ['covered', 'partial', 'gap'] as const;

const coverageEvidence = z.object({
  id: z.uuid(),
  name: z.string(),
  refId: z.string().nullable(),
  status: z.enum(evidenceStatuses),
  validUntil: z.string().nullable(),
  validity: z.enum(evidenceValidities),
});

const coverageControl = z.object({
  id: z.uuid(),
  name: z.string(),
  refId: z.string().nullable(),
  status: z.enum(appliedControlStatuses),
  folderId: z.uuid(),
  evidence: z.array(coverageEvidence),
});

export const coverageResponse = z.object({
  framework: z.object({ id: z.uuid(), name: z.string(), refId: z.string(), frameworkVersion: z.string() }),
  totals: z.object({
    assessable: z.number().int(),
    covered: z.number().int().describe('At least one active control'),
    partial: z.number().int().describe('Controls, but none active yet (to do, in progress, on hold, degraded)'),
    gaps: z.number().int().describe('No control, or only deprecated ones'),
  }),
  /** The whole tree in reading order; headings carry no coverage. */
  requirements: z.array(
    z.object({
      id: z.uuid(),
      parentId: z.uuid().nullable(),
      urn: z.string(),
      refId: z.string().nullable(),
      name: z.string().nullable(),
      depth: z.number().int(),
      assessable: z.boolean(),
      coverage: z.enum(coverageStates).nullable(),
      controls: z.array(coverageControl),
    }),
  ),
  abilities: z.object({ readControls: z.boolean(), readEvidence: z.boolean() }),
});

const resultCounts = z.object(
  Object.fromEntries(requirementResults.map((r) => [r, z.number().int()])) as Record<
    (typeof requirementResults)[number],
    z.ZodNumber
  >,
);

const progress = {
  requirementCount: z.number().int(),
  results: resultCounts,
  compliancePercent: z
    .number()
    .int()
    .nullable()
    .describe('Compliant among assessed requirements that apply (null when none is assessed yet)'),
  progressPercent: z.number().int().describe('Requirements with a result (not_assessed excluded)'),
};

const expiringItem = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(evidenceStatuses),
  validUntil: z.string().nullable(),
  folderId: z.uuid(),
});

export const dashboardResponse = z.object({
  today: z.string(),
  assessments: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(assessmentStatuses),
      folderId: z.uuid(),
      framework: z.object({ id: z.uuid(), name: z.string() }),
      ...progress,
    }),
  ),
  frameworks: z.array(z.object({ id: z.uuid(), name: z.string(), assessmentCount: z.number().int(), ...progress })),
  results: resultCounts,
  controlsByStatus: z.object(
    Object.fromEntries(appliedControlStatuses.map((s) => [s, z.number().int()])) as Record<
      (typeof appliedControlStatuses)[number],
      z.ZodNumber
    >,
  ),
  evidence: z.object({
    expired: z.object({ count: z.number().int(), items: z.array(expiringItem) }),
    expiringSoon: z.object({ count: z.number().int(), items: z.array(expiringItem) }),
    withinDays: z.number().int(),
  }),
  abilities: z.object({ readAssessments: z.boolean(), readControls: z.boolean(), readEvidence: z.boolean() }),
});
export type DashboardDto = z.infer<typeof dashboardResponse>;
