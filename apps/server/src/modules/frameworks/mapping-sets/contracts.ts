import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../../platform/http/pagination.js';
import { mappingRelationships } from '../tables.js';

/** The loaded framework a URN names (the most recently loaded visible version), or null when none is loaded. */
export const loadedFrameworkSchema = z
  .object({ id: z.uuid(), name: z.string(), frameworkVersion: z.string() })
  .nullable();
export type LoadedFramework = z.infer<typeof loadedFrameworkSchema>;

export const mappingSetSummarySchema = z.object({
  id: z.uuid(),
  urn: z.string(),
  refId: z.string().nullable(),
  name: z.string(),
  provider: z.string().nullable(),
  /** True for an entry shipped with Rampart (shared by every organisation, read-only). */
  library: z.boolean(),
  sourceFrameworkUrn: z.string(),
  targetFrameworkUrn: z.string(),
  sourceFramework: loadedFrameworkSchema,
  targetFramework: loadedFrameworkSchema,
  ruleCount: z.number().int(),
  createdAt: z.date(),
  abilities: z.object({ delete: z.boolean() }),
});
export type MappingSetSummaryDto = z.infer<typeof mappingSetSummarySchema>;

export const mappingSetSchema = mappingSetSummarySchema.extend({
  description: z.string().nullable(),
  sourceSha256: z.string().nullable(),
  updatedAt: z.date(),
});
export type MappingSetDto = z.infer<typeof mappingSetSchema>;

export const mappingSetIdParams = z.object({ id: z.uuid() });

export const listMappingSetsQuery = z.strictObject({
  ...listQueryBase,
  q: listQueryBase.q.describe('Text found in the name, ref id or URN'),
});
export const mappingSetPage = pageSchema(mappingSetSummarySchema);

const requirementUrn = z.string().trim().min(1).max(300);

export const listMappingRulesQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  relationship: z.enum(mappingRelationships).optional().describe('Only rules of this NIST OLIR relationship'),
  sourceRequirementUrn: requirementUrn.optional().describe('Only rules from this source requirement'),
  targetRequirementUrn: requirementUrn.optional().describe('Only rules to this target requirement'),
});

/** A requirement a rule points at, when its framework is loaded and holds that URN; otherwise null. */
const resolvedRequirementSchema = z
  .object({ id: z.uuid(), refId: z.string().nullable(), name: z.string().nullable() })
  .nullable();

export const mappingRuleSchema = z.object({
  id: z.uuid(),
  sourceRequirementUrn: z.string(),
  targetRequirementUrn: z.string(),
  relationship: z.enum(mappingRelationships),
  rationale: z.string().nullable(),
  strength: z.number().int().nullable(),
  sourceRequirement: resolvedRequirementSchema,
  targetRequirement: resolvedRequirementSchema,
});
export const mappingRulePage = pageSchema(mappingRuleSchema);
