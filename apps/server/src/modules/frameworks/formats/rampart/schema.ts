import { z } from 'zod';
import { importanceValues, mappingRelationships } from '../../tables.js';

/**
 * Rampart's own library format, version 1 (docs/formats/rampart-library.md; the JSON Schema beside it must
 * accept exactly what this schema accepts — a test checks both on the same examples). Objects are strict so a
 * misspelt field is an error at its line rather than a value silently lost.
 */

export const RAMPART_FORMAT = 'rampart-library';
export const RAMPART_FORMAT_VERSION = 1;
/** Requirement nesting deeper than this is a broken file, not a framework (800-53 needs 3, CSF 3, ISO 2). */
export const MAX_REQUIREMENT_DEPTH = 20;

const urn = z.string().min(1).max(300).regex(/^\S+$/, 'A URN has no spaces');
const refId = z.string().min(1).max(100);
const name = z.string().min(1).max(300);
const text = z.string().max(200_000);

const translations = z.record(z.string().min(1).max(10), z.record(z.string().min(1).max(100), text));

export interface RampartRequirement {
  urn: string;
  refId?: string;
  name?: string;
  description?: string;
  annotation?: string;
  assessable?: boolean;
  implementationGroups?: string[];
  weight?: number;
  importance?: (typeof importanceValues)[number];
  typicalEvidence?: string;
  withdrawn?: boolean;
  translations?: Record<string, Record<string, string>>;
  referenceControls?: string[];
  extra?: Record<string, unknown>;
  requirements?: RampartRequirement[];
}

export const requirementSchema: z.ZodType<RampartRequirement> = z.strictObject({
  urn,
  refId: refId.optional(),
  name: text.optional(),
  description: text.optional(),
  annotation: text.optional(),
  assessable: z.boolean().optional(),
  implementationGroups: z.array(refId).optional(),
  weight: z.number().int().min(0).max(1_000_000).optional(),
  importance: z.enum(importanceValues).optional(),
  typicalEvidence: text.optional(),
  withdrawn: z.boolean().optional(),
  translations: translations.optional(),
  referenceControls: z.array(urn).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  get requirements() {
    return z.array(requirementSchema).optional();
  },
});

export const frameworkSchema = z.strictObject({
  urn,
  refId,
  name,
  version: z.string().min(1).max(50),
  description: text.optional(),
  provider: z.string().max(200).optional(),
  packager: z.string().max(200).optional(),
  locale: z.string().min(2).max(10).optional(),
  copyright: text.optional(),
  implementationGroups: z.array(z.strictObject({ refId, name, description: text.optional() })).optional(),
  minScore: z.number().int().optional(),
  maxScore: z.number().int().optional(),
  scoresDefinition: z.array(z.strictObject({ score: z.number().int(), name, description: text.optional() })).optional(),
  translations: translations.optional(),
  requirements: z.array(requirementSchema).min(1),
});

export const referenceControlSchema = z.strictObject({
  urn,
  refId: refId.optional(),
  name: name.optional(),
  description: text.optional(),
  category: z.string().max(40).optional(),
  csfFunction: z.string().max(20).optional(),
  annotation: text.optional(),
  provider: z.string().max(200).optional(),
  translations: translations.optional(),
});

export const mappingSetSchema = z.strictObject({
  urn,
  refId: refId.optional(),
  name,
  description: text.optional(),
  sourceFrameworkUrn: urn,
  targetFrameworkUrn: urn,
  provider: z.string().max(200).optional(),
  rules: z.array(
    z.strictObject({
      source: urn,
      target: urn,
      relationship: z.enum(mappingRelationships),
      rationale: text.optional(),
      strength: z.number().int().min(0).max(10).optional(),
    }),
  ),
});

export const rampartLibrarySchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  format: z.literal(RAMPART_FORMAT),
  formatVersion: z.literal(RAMPART_FORMAT_VERSION),
  frameworks: z.array(frameworkSchema).optional(),
  referenceControls: z.array(referenceControlSchema).optional(),
  mappingSets: z.array(mappingSetSchema).optional(),
});

export type RampartLibrary = z.infer<typeof rampartLibrarySchema>;
export type RampartFramework = z.infer<typeof frameworkSchema>;
