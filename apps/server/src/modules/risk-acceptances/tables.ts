import { date, index, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { riskScenarios } from '../risk-assessments/tables.js';
import { users } from '../users/tables.js';

export const riskAcceptanceStates = ['created', 'submitted', 'accepted', 'rejected', 'revoked'] as const;

/**
 * Who accepted which remaining risk, why, and until when. Only the named approver may accept or reject; an
 * accepted acceptance stops flagging its scenarios until `expiryDate`, after which they are flagged again.
 */
export const riskAcceptances = pgTable(
  'risk_acceptances',
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
    approverId: uuid().references(() => users.id, { onDelete: 'set null' }),
    state: text({ enum: riskAcceptanceStates }).notNull().default('created'),
    expiryDate: date({ mode: 'string' }),
    submittedAt: tstz(),
    decidedAt: tstz(),
    decidedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    revokedAt: tstz(),
    /** The expiry date a reminder was last sent for: one mail per date, even when the worker runs twice. */
    remindedForDate: date({ mode: 'string' }),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId, t.state),
    index().on(t.folderId),
    index().on(t.approverId),
    index().on(t.decidedById),
    index().on(t.createdById),
  ],
);

export const riskAcceptanceScenarios = pgTable(
  'risk_acceptance_scenarios',
  {
    riskAcceptanceId: uuid()
      .notNull()
      .references(() => riskAcceptances.id, { onDelete: 'cascade' }),
    riskScenarioId: uuid()
      .notNull()
      .references(() => riskScenarios.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'risk_acceptance_scenarios_pk', columns: [t.riskAcceptanceId, t.riskScenarioId] }),
    index().on(t.riskScenarioId),
  ],
);
