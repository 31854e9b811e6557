import { z } from 'zod';
import { assessmentSchema } from './contracts.js';
import { requirementAssessmentStatuses, requirementResults } from './tables.js';
import { nodeChanges, removalReasons } from './upgrade-plan.js';

export const upgradePreviewBody = z.strictObject({
  frameworkId: z.uuid().describe('The framework version to move to: same URN as the current one, another version'),
});

export const upgradeBody = upgradePreviewBody.extend({
  version: z.number().int().min(1).optional().describe('The assessment’s version (or an If-Match header)'),
});

const frameworkEnd = z.object({ id: z.uuid(), name: z.string(), frameworkVersion: z.string() });

export const upgradeReportSchema = z.object({
  from: frameworkEnd,
  to: frameworkEnd,
  /** How the target's version label compares with the current one (labels follow no standard: a hint only). */
  direction: z.enum(['newer', 'older', 'same_label']),
  added: z.array(z.object({ urn: z.string(), refId: z.string().nullable(), name: z.string().nullable() })),
  removed: z.array(
    z.object({
      urn: z.string(),
      refId: z.string().nullable(),
      name: z.string().nullable(),
      reason: z.enum(removalReasons),
      result: z.enum(requirementResults),
      status: z.enum(requirementAssessmentStatuses),
      hasObservation: z.boolean(),
      /** Links in folders the caller may read. */
      evidenceCount: z.number().int(),
      controlCount: z.number().int(),
    }),
  ),
  changed: z.array(
    z.object({
      urn: z.string(),
      refId: z.string().nullable(),
      nameBefore: z.string().nullable(),
      nameAfter: z.string().nullable(),
      changes: z.array(z.enum(nodeChanges)),
    }),
  ),
  unchangedCount: z.number().int(),
  scoresCleared: z.array(z.object({ urn: z.string(), refId: z.string().nullable(), score: z.number().int() })),
});
export type UpgradeReportDto = z.infer<typeof upgradeReportSchema>;

export const upgradeResultSchema = z.object({ assessment: assessmentSchema, report: upgradeReportSchema });

export const frameworkVersionsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      frameworkVersion: z.string(),
      direction: upgradeReportSchema.shape.direction,
    }),
  ),
});
