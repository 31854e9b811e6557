import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns.js';

/**
 * The audit trail: append-only (a trigger in the migrations rejects UPDATE and DELETE) and hash-chained per
 * organisation: `hash = sha256(prevHash + canonical(event))`, `seq` counts 1, 2, 3 … within the chain.
 * Events without an organisation (e.g. a failed login for an unknown e-mail) form the global chain (null org).
 * No foreign keys on purpose: the trail outlives the objects and actors it speaks of.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: idColumn(),
    organizationId: uuid(),
    seq: bigint({ mode: 'number' }).notNull(),
    occurredAt: tstz().notNull(),
    actorUserId: uuid(),
    actorType: varchar({ length: 20 }).notNull(),
    /** The API token used, when the actor authenticated with one. */
    actorTokenId: uuid(),
    folderId: uuid(),
    action: varchar({ length: 80 }).notNull(),
    objectType: varchar({ length: 60 }).notNull(),
    objectId: varchar({ length: 100 }),
    /** `{ field: { before, after } }` for updates, `{ field: { after } }` for creates, free metadata otherwise. */
    changes: jsonb().$type<Record<string, unknown>>(),
    requestId: varchar({ length: 100 }),
    ip: varchar({ length: 64 }),
    prevHash: varchar({ length: 64 }).notNull(),
    hash: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq').on(
      sql`coalesce(${t.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.seq,
    ),
    index('audit_events_org_time').on(t.organizationId, t.occurredAt),
    index().on(t.actorUserId),
    index().on(t.objectType, t.objectId),
  ],
);
