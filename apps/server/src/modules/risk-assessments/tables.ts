import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { assets } from '../assets/tables.js';
import { appliedControls } from '../controls/tables.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { riskMatrices } from '../risk-matrices/tables.js';
import { threats } from '../threats/tables.js';
import { users } from '../users/tables.js';

export const riskAssessmentStatuses = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'] as const;

/** A risk assessment: a register of scenarios in one folder, rated on one matrix version. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    riskMatrixId: uuid()
      .notNull()
      .references(() => riskMatrices.id, { onDelete: 'restrict' }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    /** The assessment's own version label, e.g. "2026". */
    assessmentVersion: varchar({ length: 50 }),
    status: text({ enum: riskAssessmentStatuses }).notNull().default('planned'),
    dueDate: date({ mode: 'string' }),
    /** Index of the highest acceptable risk level of the matrix; scenarios rated above it are flagged. */
    riskToleranceLevel: integer(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index().on(t.organizationId), index().on(t.folderId), index().on(t.riskMatrixId)],
);

export const riskAssessmentPersonRoles = ['author', 'reviewer'] as const;

export const riskAssessmentPeople = pgTable(
  'risk_assessment_people',
  {
    riskAssessmentId: uuid()
      .notNull()
      .references(() => riskAssessments.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: riskAssessmentPersonRoles }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'risk_assessment_people_pk', columns: [t.riskAssessmentId, t.userId, t.role] }),
    index().on(t.userId),
  ],
);

export const riskTreatments = ['open', 'mitigate', 'accept', 'avoid', 'transfer'] as const;
export const strengthOfKnowledgeValues = ['low', 'medium', 'high'] as const;

/**
 * A risk scenario. Ratings are indexes into the assessment's matrix scales (-1 = not rated); the levels are
 * computed from the matrix when the ratings are written and stored, so the register filters, sorts and builds heat
 * maps without reading the matrix row by row. `folderId` repeats the assessment's folder for scoping in SQL.
 */
export const riskScenarios = pgTable(
  'risk_scenarios',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    riskAssessmentId: uuid()
      .notNull()
      .references(() => riskAssessments.id, { onDelete: 'cascade' }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    vulnerabilities: text(),
    existingControlsText: text(),
    inherentProbability: integer().notNull().default(-1),
    inherentImpact: integer().notNull().default(-1),
    inherentLevel: integer().notNull().default(-1),
    currentProbability: integer().notNull().default(-1),
    currentImpact: integer().notNull().default(-1),
    currentLevel: integer().notNull().default(-1),
    residualProbability: integer().notNull().default(-1),
    residualImpact: integer().notNull().default(-1),
    residualLevel: integer().notNull().default(-1),
    treatment: text({ enum: riskTreatments }).notNull().default('open'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    strengthOfKnowledge: text({ enum: strengthOfKnowledgeValues }),
    justification: text(),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    // One (organization, sort key, id) index per sort of the register: a page walks the index in order and stops
    // after `limit` rows matching the filters, instead of sorting every match (50,000 rows: see docs/benchmarks.md).
    index().on(t.organizationId, t.name, t.id),
    // The ref id sorts nulls last in either direction (platform/http/nullable-keyset.ts), an expression order
    // that a plain (ref_id, id) index cannot serve backwards: one index per direction.
    index('risk_scenarios_ref_id_sort_index').on(
      t.organizationId,
      sql`(${t.refId} is null)`,
      sql`lower(coalesce(${t.refId}, ''))`,
      t.id,
    ),
    index('risk_scenarios_ref_id_sort_desc_index').on(
      t.organizationId,
      sql`(${t.refId} is null)`,
      sql`lower(coalesce(${t.refId}, '')) desc`,
      sql`${t.id} desc`,
    ),
    index().on(t.organizationId, t.inherentLevel, t.id),
    index().on(t.organizationId, t.currentLevel, t.id),
    index().on(t.organizationId, t.residualLevel, t.id),
    index().on(t.organizationId, t.treatment, t.id),
    index().on(t.organizationId, t.updatedAt, t.id),
    index().on(t.riskAssessmentId, t.name, t.id),
    // A heat-map cell of one assessment (the register opened from a cell) and the heat map's GROUP BY, which
    // these cover entirely (index-only scans); id is there for the current rating's join to acceptances.
    index('risk_scenarios_inherent_cell_index').on(
      t.riskAssessmentId,
      t.inherentProbability,
      t.inherentImpact,
      t.inherentLevel,
    ),
    index('risk_scenarios_current_cell_index').on(
      t.riskAssessmentId,
      t.currentProbability,
      t.currentImpact,
      t.currentLevel,
      t.id,
    ),
    index('risk_scenarios_residual_cell_index').on(
      t.riskAssessmentId,
      t.residualProbability,
      t.residualImpact,
      t.residualLevel,
    ),
    index().on(t.folderId),
    index().on(t.ownerId),
  ],
);

export const riskScenarioThreats = pgTable(
  'risk_scenario_threats',
  {
    riskScenarioId: uuid()
      .notNull()
      .references(() => riskScenarios.id, { onDelete: 'cascade' }),
    threatId: uuid()
      .notNull()
      .references(() => threats.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'risk_scenario_threats_pk', columns: [t.riskScenarioId, t.threatId] }),
    index().on(t.threatId),
  ],
);

export const riskScenarioAssets = pgTable(
  'risk_scenario_assets',
  {
    riskScenarioId: uuid()
      .notNull()
      .references(() => riskScenarios.id, { onDelete: 'cascade' }),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'risk_scenario_assets_pk', columns: [t.riskScenarioId, t.assetId] }),
    index().on(t.assetId),
  ],
);

/** Existing controls (in place, counted in the current rating) and planned ones (the treatment plan). */
export const scenarioControlKinds = ['existing', 'planned'] as const;

export const riskScenarioControls = pgTable(
  'risk_scenario_controls',
  {
    riskScenarioId: uuid()
      .notNull()
      .references(() => riskScenarios.id, { onDelete: 'cascade' }),
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
    kind: text({ enum: scenarioControlKinds }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'risk_scenario_controls_pk', columns: [t.riskScenarioId, t.appliedControlId, t.kind] }),
    index().on(t.appliedControlId),
  ],
);

/** Saved filters of the register, per user (a name and the query string of the list). */
export const riskRegisterFilters = pgTable(
  'risk_register_filters',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar({ length: 100 }).notNull(),
    query: varchar({ length: 2000 }).notNull().default(sql`''`),
    ...timestamps(),
  },
  (t) => [index().on(t.organizationId, t.userId), index().on(t.userId)],
);
