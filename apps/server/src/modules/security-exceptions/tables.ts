import { date, index, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';
import { requirementAssessments } from '../assessments/tables.js';
import { appliedControls } from '../controls/tables.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

export const securityExceptionStates = ['draft', 'in_review', 'approved', 'rejected', 'resolved', 'expired'] as const;
export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;

/** A requirement or control knowingly not met, approved for a time. */
export const securityExceptions = pgTable(
  'security_exceptions',
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
    justification: text(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    approverId: uuid().references(() => users.id, { onDelete: 'set null' }),
    severity: text({ enum: severities }).notNull().default('medium'),
    state: text({ enum: securityExceptionStates }).notNull().default('draft'),
    expiryDate: date({ mode: 'string' }),
    decidedAt: tstz(),
    decidedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    remindedForDate: date({ mode: 'string' }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId, t.state),
    index().on(t.folderId),
    index().on(t.ownerId),
    index().on(t.approverId),
    index().on(t.decidedById),
    index().on(t.createdById),
  ],
);

export const securityExceptionRequirementAssessments = pgTable(
  'security_exception_requirement_assessments',
  {
    securityExceptionId: uuid()
      .notNull()
      .references(() => securityExceptions.id, { onDelete: 'cascade' }),
    requirementAssessmentId: uuid()
      .notNull()
      .references(() => requirementAssessments.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({
      name: 'security_exception_requirement_assessments_pk',
      columns: [t.securityExceptionId, t.requirementAssessmentId],
    }),
    index().on(t.requirementAssessmentId),
  ],
);

export const securityExceptionControls = pgTable(
  'security_exception_controls',
  {
    securityExceptionId: uuid()
      .notNull()
      .references(() => securityExceptions.id, { onDelete: 'cascade' }),
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'security_exception_controls_pk', columns: [t.securityExceptionId, t.appliedControlId] }),
    index().on(t.appliedControlId),
  ],
);
