import { date, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';
import { assets } from '../assets/tables.js';
import { appliedControls } from '../controls/tables.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { riskScenarios } from '../risk-assessments/tables.js';
import { severities } from '../security-exceptions/tables.js';
import { users } from '../users/tables.js';

export const findingStatuses = ['identified', 'confirmed', 'in_progress', 'mitigated', 'closed', 'dismissed'] as const;
export const findingsAssessmentCategories = ['audit', 'pentest', 'scan', 'self_identified', 'other'] as const;
export const findingsAssessmentStatuses = ['planned', 'in_progress', 'in_review', 'done', 'deprecated'] as const;
export { severities as findingSeverities };

/** A grouping of findings: one audit's, one penetration test's, one scan's. */
export const findingsAssessments = pgTable(
  'findings_assessments',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    refId: varchar({ length: 100 }),
    name: varchar({ length: 300 }).notNull(),
    description: text(),
    category: text({ enum: findingsAssessmentCategories }).notNull().default('other'),
    status: text({ enum: findingsAssessmentStatuses }).notNull().default('planned'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index().on(t.organizationId), index().on(t.folderId), index().on(t.ownerId)],
);

export const findings = pgTable(
  'findings',
  {
    id: idColumn(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    folderId: uuid()
      .notNull()
      .references(() => folders.id, { onDelete: 'restrict' }),
    findingsAssessmentId: uuid().references(() => findingsAssessments.id, { onDelete: 'set null' }),
    refId: varchar({ length: 100 }),
    title: varchar({ length: 300 }).notNull(),
    description: text(),
    severity: text({ enum: severities }).notNull(),
    status: text({ enum: findingStatuses }).notNull().default('identified'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    identifiedAt: tstz().notNull().defaultNow(),
    /** Computed from the organisation's SLA for the severity when not given; can be set by hand. */
    dueDate: date({ mode: 'string' }),
    closedAt: tstz(),
    /** Where the finding came from: `manual`, or a scanner's name when an integration creates it. */
    source: varchar({ length: 50 }).notNull().default('manual'),
    /** The source's own identifier, so a re-import updates instead of duplicating. */
    externalRef: varchar({ length: 300 }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId, t.status),
    index().on(t.organizationId, t.severity),
    index().on(t.folderId),
    index().on(t.findingsAssessmentId),
    index().on(t.ownerId),
  ],
);

export const findingAssets = pgTable(
  'finding_assets',
  {
    findingId: uuid()
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'finding_assets_pk', columns: [t.findingId, t.assetId] }), index().on(t.assetId)],
);

export const findingControls = pgTable(
  'finding_controls',
  {
    findingId: uuid()
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'finding_controls_pk', columns: [t.findingId, t.appliedControlId] }),
    index().on(t.appliedControlId),
  ],
);

export const findingScenarios = pgTable(
  'finding_scenarios',
  {
    findingId: uuid()
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    riskScenarioId: uuid()
      .notNull()
      .references(() => riskScenarios.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'finding_scenarios_pk', columns: [t.findingId, t.riskScenarioId] }),
    index().on(t.riskScenarioId),
  ],
);

/** Days to fix a finding, per severity, per organisation. A null means no due date for that severity. */
export const findingSlas = pgTable('finding_slas', {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  criticalDays: integer(),
  highDays: integer(),
  mediumDays: integer(),
  lowDays: integer(),
  infoDays: integer(),
  ...timestamps(),
  version: versionColumn(),
});
