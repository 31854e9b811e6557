import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz, versionColumn } from '../../platform/db/columns.js';
import { storedFiles } from '../../platform/storage/tables.js';
import { appliedControls } from '../controls/tables.js';
import { folders } from '../folders/tables.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';

export const evidenceStatuses = ['draft', 'missing', 'in_review', 'approved', 'rejected', 'expired'] as const;

/**
 * A piece of evidence, reusable across controls and assessments. Its content is a list of revisions (a file or a
 * link each); the newest revision is the current one. `validUntil` drives the expiry reminders.
 */
export const evidence = pgTable(
  'evidence',
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
    status: text({ enum: evidenceStatuses }).notNull().default('missing'),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    validUntil: date({ mode: 'string' }),
    /** Days before `validUntil` when the owner is reminded. */
    reminderDays: integer().notNull().default(30),
    /** The `validUntil` a reminder was last sent for: one reminder per expiry date, whatever the sweeps. */
    remindedFor: date({ mode: 'string' }),
    revisionCount: integer().notNull().default(0),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.folderId),
    index().on(t.ownerId),
    index().on(t.organizationId, t.validUntil),
  ],
);

export const evidenceRevisionKinds = ['file', 'link'] as const;

/** One version of an evidence's content. Immutable: a change is a new revision. */
export const evidenceRevisions = pgTable(
  'evidence_revisions',
  {
    id: idColumn(),
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    kind: text({ enum: evidenceRevisionKinds }).notNull(),
    fileId: uuid().references(() => storedFiles.id, { onDelete: 'restrict' }),
    sha256: varchar({ length: 64 }),
    size: bigint({ mode: 'number' }),
    contentType: varchar({ length: 200 }),
    fileName: varchar({ length: 255 }),
    url: varchar({ length: 2000 }),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evidence_revisions_number').on(t.evidenceId, t.number), index().on(t.fileId)],
);

export const appliedControlEvidence = pgTable(
  'applied_control_evidence',
  {
    appliedControlId: uuid()
      .notNull()
      .references(() => appliedControls.id, { onDelete: 'cascade' }),
    evidenceId: uuid()
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'applied_control_evidence_pk', columns: [t.appliedControlId, t.evidenceId] }),
    index().on(t.evidenceId),
  ],
);
