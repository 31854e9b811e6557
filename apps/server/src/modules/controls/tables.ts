import { date, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { referenceControls, requirementNodes } from '../frameworks/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

export const appliedControlStatuses = ['to_do', 'in_progress', 'on_hold', 'active', 'degraded', 'deprecated'] as const;
export const controlCategories = ['policy', 'process', 'procedure', 'technical', 'physical'] as const;
export const csfFunctions = ['govern', 'identify', 'protect', 'detect', 'respond', 'recover'] as const;
export const effortSizes = ['XS', 'S', 'M', 'L', 'XL'] as const;

/**
 * A control the organisation actually runs (or plans to). One applied control can satisfy requirements of many
 * frameworks: the links live in `applied_control_requirements`, so assessing it once counts everywhere.
 */
export const appliedControls = pgTable(
  'applied_controls',
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
    status: text({ enum: appliedControlStatuses }).notNull().default('to_do'),
    category: text({ enum: controlCategories }),
    csfFunction: text({ enum: csfFunctions }),
    /** 1 (highest) to 4. */
    priority: integer(),
    effort: text({ enum: effortSizes }),
    /** One-off cost to put the control in place, in whole units of `currency`. */
    costBuild: integer(),
    /** Yearly cost to run it, in whole units of `currency`. */
    costRun: integer(),
    currency: varchar({ length: 3 }),
    startDate: date({ mode: 'string' }),
    eta: date({ mode: 'string' }),
    expiryDate: date({ mode: 'string' }),
    /** 0–100. */
    progress: integer().notNull().default(0),
    link: varchar({ length: 2000 }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index().on(t.organizationId), index().on(t.folderId), index().on(t.organizationId, t.status)],
);

export const appliedControlOwners = pgTable(
  'applied_control_owners',
  {
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'applied_control_owners_pk', columns: [t.appliedControlId, t.userId] }),
    index().on(t.userId),
  ],
);

/** Which requirements (of any framework version) a control addresses. */
export const appliedControlRequirements = pgTable(
  'applied_control_requirements',
  {
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
    requirementNodeId: uuid()
      .notNull()
      .references(() => requirementNodes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'applied_control_requirements_pk', columns: [t.appliedControlId, t.requirementNodeId] }),
    index().on(t.requirementNodeId),
  ],
);

export const appliedControlReferenceControls = pgTable(
  'applied_control_reference_controls',
  {
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
    referenceControlId: uuid()
      .notNull()
      .references(() => referenceControls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'applied_control_reference_controls_pk', columns: [t.appliedControlId, t.referenceControlId] }),
    index().on(t.referenceControlId),
  ],
);
