import { z } from 'zod';
import { importanceValues, mappingRelationships } from '../../tables.js';

/**
 * The CISO Assistant library YAML as its community libraries write it (backend/library/libraries/*.yaml).
 * Objects are not strict: the format grows (questions, answers, outcomes, field visibility...) and a field Rampart
 * does not use yet must not make a real library unreadable. Lengths follow the columns the writer fills.
 */

export const LIMITS = { urn: 300, refId: 100, name: 300, version: 50, provider: 200, locale: 10, text: 200_000 };

/** YAML turns `ref_id: 1.1` into a number; a reference id is text whatever the author meant. */
const str = (max: number) =>
  z
    .union([z.string(), z.number().transform((n) => String(n))])
    .pipe(z.string().trim().max(max, `Too long (at most ${max} characters)`));

const urn = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(LIMITS.urn, `Too long (at most ${LIMITS.urn} characters)`);
const optText = str(LIMITS.text).nullish();

/** `{ fr: { name: ..., description: null } }`: null entries mean "no translation" and are dropped. */
export const translationsSchema = z
  .record(
    z.string().max(LIMITS.locale),
    z.record(z.string().max(100), z.union([z.string().max(LIMITS.text), z.number(), z.null()])).nullable(),
  )
  .transform((value) => {
    const out: Record<string, Record<string, string>> = {};
    for (const [locale, fields] of Object.entries(value)) {
      const kept = Object.entries(fields ?? {}).filter(([, v]) => v !== null);
      if (kept.length > 0) out[locale] = Object.fromEntries(kept.map(([k, v]) => [k, String(v)]));
    }
    return out;
  });

export const requirementNodeSchema = z.object({
  urn,
  assessable: z.boolean(),
  depth: z.number().int().min(1).optional(),
  parent_urn: urn.nullish(),
  ref_id: str(LIMITS.refId).nullish(),
  name: optText,
  description: optText,
  annotation: optText,
  typical_evidence: optText,
  implementation_groups: z.array(str(LIMITS.refId)).nullish(),
  reference_controls: z.array(urn).nullish(),
  // CISO Assistant writes '' for "no importance".
  importance: z.enum([...importanceValues, '']).nullish(),
  weight: z.number().int().min(0).max(1_000_000).nullish(),
  translations: translationsSchema.nullish(),
});

const groupDefinitionSchema = z.object({
  ref_id: str(LIMITS.refId),
  name: str(LIMITS.name),
  description: optText,
});

const scoreDefinitionSchema = z.object({
  score: z.number().int(),
  name: str(LIMITS.name),
  description: optText,
});

export const frameworkSchema = z.object({
  urn,
  ref_id: str(LIMITS.refId),
  name: str(LIMITS.name),
  description: optText,
  min_score: z.number().int().nullish(),
  max_score: z.number().int().nullish(),
  scores_definition: z.array(scoreDefinitionSchema).nullish(),
  implementation_groups_definition: z.array(groupDefinitionSchema).nullish(),
  translations: translationsSchema.nullish(),
  requirement_nodes: z.array(requirementNodeSchema).min(1, 'A framework needs at least one requirement node'),
});

export const referenceControlSchema = z.object({
  urn,
  ref_id: str(LIMITS.refId).nullish(),
  name: str(LIMITS.name).nullish(),
  description: optText,
  category: str(40).nullish(),
  csf_function: str(20).nullish(),
  annotation: optText,
  translations: translationsSchema.nullish(),
});

const mappingSchema = z.object({
  source_requirement_urn: urn,
  target_requirement_urn: urn,
  relationship: z.enum(mappingRelationships),
  rationale: optText,
  strength_of_relationship: z.number().int().min(0).max(10).nullish(),
});

export const mappingSetSchema = z.object({
  urn,
  ref_id: str(LIMITS.refId).nullish(),
  name: str(LIMITS.name),
  description: optText,
  source_framework_urn: urn,
  target_framework_urn: urn,
  requirement_mappings: z.array(mappingSchema),
});

export const librarySchema = z.object({
  urn,
  locale: str(LIMITS.locale),
  ref_id: str(LIMITS.refId),
  name: str(LIMITS.name),
  description: optText,
  copyright: optText,
  version: z.union([z.number().int().min(0), str(LIMITS.version)]),
  provider: str(LIMITS.provider).nullish(),
  packager: str(LIMITS.provider).nullish(),
  translations: translationsSchema.nullish(),
  objects: z.object({
    framework: frameworkSchema.optional(),
    reference_controls: z.array(referenceControlSchema).nullish(),
    // Threats and risk matrices are read by other parts of CISO Assistant; accepted here and not imported yet.
    threats: z.array(z.unknown()).nullish(),
    risk_matrix: z.unknown().optional(),
    requirement_mapping_sets: z.array(mappingSetSchema).nullish(),
    requirement_mapping_set: mappingSetSchema.nullish(),
  }),
});

export type CisoAssistantLibrary = z.infer<typeof librarySchema>;
