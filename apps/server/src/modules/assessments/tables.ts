import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';
import { appliedControls } from '../controls/tables.js';
import { evidence } from '../evidence/tables.js';
import { folders } from '../folders/tables.js';
import { frameworks, type mappingRelationships, requirementNodes } from '../frameworks/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

export const assessmentStatuses = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'] as const;
export const scoringMethods = ['average', 'sum', 'average_of_averages'] as const;

/**
 * An assessment of one framework version in a folder, optionally restricted to implementation groups. Done
 * assessments are locked (`lockedAt`): their requirement assessments no longer change.
 */
export const complianceAssessments = pgTable(
  'compliance_assessments',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: 'restrict' }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    status: text({ enum: assessmentStatuses }).notNull().default('planned'),
    /** Empty: every assessable requirement; otherwise only those in one of these groups. */
    implementationGroups: text().array().notNull().default(sql`'{}'::text[]`),
    scoringMethod: text({ enum: scoringMethods }).notNull().default('average'),
    dueDate: date({ mode: 'string' }),
    lockedAt: tstz(),
    /** Set when the assessment was created or refreshed by mapping inference: where its results came from. */
    inferredFrom: jsonb().$type<{ assessmentId: string; mappingSetIds: string[]; at: string }[]>(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index().on(t.organizationId), index().on(t.folderId), index().on(t.frameworkId)],
);

export const assessmentPersonRoles = ['author', 'reviewer'] as const;

export const complianceAssessmentPeople = pgTable(
  'compliance_assessment_people',
  {
    assessmentId: uuid()
      .notNull()
      .references(() => complianceAssessments.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: assessmentPersonRoles }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'compliance_assessment_people_pk', columns: [t.assessmentId, t.userId, t.role] }),
    index().on(t.userId),
  ],
);

export const requirementAssessmentStatuses = ['to_do', 'in_progress', 'in_review', 'done'] as const;
export const requirementResults = [
  'not_assessed',
  'compliant',
  'partially_compliant',
  'non_compliant',
  'not_applicable',
] as const;
export type RequirementResult = (typeof requirementResults)[number];

/** Why a result was inferred: each source requirement, its result and the relationship that carried it. */
export interface InferenceTrace {
  rule: string;
  sources: {
    assessmentId: string;
    requirementUrn: string;
    refId: string | null;
    result: RequirementResult;
    relationship: (typeof mappingRelationships)[number];
    mappingSetId: string;
    /** Requirement URNs crossed on a multi-hop path, source first. */
    path: string[];
    /** What this source alone carries to the target (null: nothing determined). */
    carried?: RequirementResult | null;
    /** Each mapping set crossed, with the relationship as read in that direction. */
    hops?: { mappingSetId: string; relationship: (typeof mappingRelationships)[number]; reversed: boolean }[];
  }[];
}

/**
 * The assessment of one requirement. Rows exist for every assessable node in scope, created with the
 * assessment, so opening it is one indexed read. `inferred` stays true until a person confirms or overrides.
 */
export const requirementAssessments = pgTable(
  'requirement_assessments',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    assessmentId: uuid()
      .notNull()
      .references(() => complianceAssessments.id, { onDelete: 'cascade' }),
    requirementNodeId: uuid()
      .notNull()
      .references(() => requirementNodes.id, { onDelete: 'restrict' }),
    status: text({ enum: requirementAssessmentStatuses }).notNull().default('to_do'),
    result: text({ enum: requirementResults }).notNull().default('not_assessed'),
    score: integer(),
    /** Whether `score` counts: a requirement can be assessed without a score. */
    isScored: boolean().notNull().default(false),
    observation: text(),
    inferred: boolean().notNull().default(false),
    inference: jsonb().$type<InferenceTrace>(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('requirement_assessments_node').on(t.assessmentId, t.requirementNodeId),
    index().on(t.requirementNodeId),
    index().on(t.organizationId),
  ],
);

export const requirementAssessmentEvidence = pgTable(
  'requirement_assessment_evidence',
  {
    requirementAssessmentId: uuid()
      .notNull()
      .references(() => requirementAssessments.id, { onDelete: 'cascade' }),
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'requirement_assessment_evidence_pk', columns: [t.requirementAssessmentId, t.evidenceId] }),
    index().on(t.evidenceId),
  ],
);

export const requirementAssessmentControls = pgTable(
  'requirement_assessment_controls',
  {
    requirementAssessmentId: uuid()
      .notNull()
      .references(() => requirementAssessments.id, { onDelete: 'cascade' }),
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({
      name: 'requirement_assessment_controls_pk',
      columns: [t.requirementAssessmentId, t.appliedControlId],
    }),
    index().on(t.appliedControlId),
  ],
);
