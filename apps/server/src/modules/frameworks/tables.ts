import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';

/** A translation block: `{ "fr": { "name": "...", "description": "..." }, ... }`, as libraries ship them. */
export type Translations = Record<string, Record<string, string>>;

/** An implementation group a framework defines: 800-53 LOW/MODERATE/HIGH, CIS IG1–IG3, ASVS L1–L3. */
export interface ImplementationGroupDefinition {
  refId: string;
  name: string;
  description?: string | null;
}

/** A point of the framework's scoring scale (e.g. 0–5 maturity), when it has one. */
export interface ScoreDefinition {
  score: number;
  name: string;
  description?: string | null;
}

/**
 * A loaded framework version. Immutable once loaded: a newer version is another row with the same `urn` and a
 * higher `frameworkVersion`; assessments point at the exact version they were made against. Library entries
 * shipped with Rampart have no organisation; imported ones belong to the importing organisation's root folder
 * and are visible to it only.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid().references(() => folders.id, { onDelete: 'restrict' }),
    urn: varchar({ length: 300 }).notNull(),
    refId: varchar({ length: 100 }).notNull(),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    /** The framework's own version label, e.g. "5.0.1" or "2022". */
    frameworkVersion: varchar({ length: 50 }).notNull(),
    provider: varchar({ length: 200 }),
    packager: varchar({ length: 200 }),
    locale: varchar({ length: 10 }).notNull().default('en'),
    copyright: text(),
    sourceFormat: text({ enum: ['oscal_catalog', 'ciso_assistant', 'rampart', 'owasp_asvs', 'builtin'] }).notNull(),
    /** SHA-256 of the imported file: importing the same file again changes nothing. */
    sourceSha256: varchar({ length: 64 }),
    implementationGroups: jsonb().$type<ImplementationGroupDefinition[]>().notNull().default(sql`'[]'::jsonb`),
    minScore: integer(),
    maxScore: integer(),
    scoresDefinition: jsonb().$type<ScoreDefinition[]>(),
    translations: jsonb().$type<Translations>(),
    requirementCount: integer().notNull().default(0),
    assessableCount: integer().notNull().default(0),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.folderId),
    uniqueIndex('frameworks_urn_version_per_owner').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.urn,
      t.frameworkVersion,
    ),
  ],
);

export const importanceValues = ['mandatory', 'recommended', 'nice_to_have'] as const;

/**
 * The framework tree. `path` holds the chain of ref ids ("AC/AC-2/AC-2(1)") for display and `order` the position
 * among siblings; the whole tree of a framework loads with one indexed query (framework_id, order_index).
 */
export const requirementNodes = pgTable(
  'requirement_nodes',
  {
    id: idColumn(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => requirementNodes.id, { onDelete: 'cascade' }),
    urn: varchar({ length: 300 }).notNull(),
    refId: varchar({ length: 100 }),
    name: text(),
    description: text(),
    annotation: text(),
    /** Depth-first position in the whole framework, so `order by order_index` yields the tree as read. */
    orderIndex: integer().notNull(),
    depth: integer().notNull(),
    assessable: boolean().notNull(),
    implementationGroups: text().array().notNull().default(sql`'{}'::text[]`),
    weight: integer().notNull().default(1),
    importance: text({ enum: importanceValues }),
    typicalEvidence: text(),
    withdrawn: boolean().notNull().default(false),
    translations: jsonb().$type<Translations>(),
    /** Format-specific extras worth keeping (OSCAL params, sort-id, links) without a column each. */
    extra: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('requirement_nodes_urn_per_framework').on(t.frameworkId, t.urn),
    index('requirement_nodes_tree_order').on(t.frameworkId, t.orderIndex),
    index().on(t.parentId),
  ],
);

/** Generic controls a library proposes (e.g. CISO Assistant reference controls), linkable from requirements. */
export const referenceControls = pgTable(
  'reference_controls',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    urn: varchar({ length: 300 }).notNull(),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }),
    description: text(),
    category: varchar({ length: 40 }),
    csfFunction: varchar({ length: 20 }),
    annotation: text(),
    provider: varchar({ length: 200 }),
    translations: jsonb().$type<Translations>(),
    ...timestamps(),
  },
  (t) => [
    index().on(t.organizationId),
    uniqueIndex('reference_controls_urn_per_owner').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.urn,
    ),
  ],
);

export const requirementReferenceControls = pgTable(
  'requirement_reference_controls',
  {
    requirementNodeId: uuid()
      .notNull()
      .references(() => requirementNodes.id, { onDelete: 'cascade' }),
    referenceControlId: uuid()
      .notNull()
      .references(() => referenceControls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('requirement_reference_controls_pk').on(t.requirementNodeId, t.referenceControlId),
    index().on(t.referenceControlId),
  ],
);

export const mappingRelationships = ['equal', 'subset', 'superset', 'intersect', 'not_related'] as const;

/** A set of requirement-to-requirement mappings between two frameworks (NIST OLIR relationships). */
export const mappingSets = pgTable(
  'mapping_sets',
  {
    id: idColumn(),
    organizationId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    urn: varchar({ length: 300 }).notNull(),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    sourceFrameworkUrn: varchar({ length: 300 }).notNull(),
    targetFrameworkUrn: varchar({ length: 300 }).notNull(),
    provider: varchar({ length: 200 }),
    sourceSha256: varchar({ length: 64 }),
    ruleCount: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index().on(t.organizationId),
    uniqueIndex('mapping_sets_urn_per_owner').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.urn,
    ),
  ],
);

/**
 * One mapping rule. Rules reference requirements by URN, not id, so a set stays valid when either framework
 * is loaded in a newer version, and can be loaded before the frameworks it connects.
 */
export const mappingRules = pgTable(
  'mapping_rules',
  {
    id: idColumn(),
    mappingSetId: uuid()
      .notNull()
      .references(() => mappingSets.id, { onDelete: 'cascade' }),
    sourceRequirementUrn: varchar({ length: 300 }).notNull(),
    targetRequirementUrn: varchar({ length: 300 }).notNull(),
    relationship: text({ enum: mappingRelationships }).notNull(),
    rationale: text(),
    strength: integer(),
  },
  (t) => [index().on(t.mappingSetId, t.sourceRequirementUrn), index().on(t.mappingSetId, t.targetRequirementUrn)],
);
