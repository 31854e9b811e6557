import { and, eq, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../platform/db/client.js';
import { versionConflict } from '../../platform/errors.js';
import { type AuditAction, type AuditContext, diffFields, recordAudit } from './record.js';

/**
 * A table whose rows carry optimistic concurrency: an `id` and a `version`, and usually an `updatedAt` (set on
 * every write when the table has one).
 */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt?: PgColumn };

/** What the audit event of a write says, beside the changes (which the write computes). */
export interface AuditedEvent {
  organizationId: string | null;
  folderId?: string | null;
  action: AuditAction;
  objectType: string;
}

type Row<T extends VersionedTable> = InferSelectModel<T>;

/**
 * What the event's `changes` are: usually the before/after of the audited fields, or, where the event names its
 * own (a status transition, a re-rating), what `changes` computes from the row after the write.
 */
type UpdateChanges<T extends VersionedTable, A> =
  | { before: Row<T>; auditable: (row: Row<T>) => A; changes?: never }
  | { changes: (after: Row<T>) => Record<string, unknown>; before?: never; auditable?: never };

/**
 * The update path of a versioned object, in one call so that neither half can be forgotten: the row changes
 * only at the version the caller loaded (else 409 and nothing is written), its version goes up, and the audit
 * event with the before/after of `auditable` (plus `moreChanges`, e.g. a replaced set of owners) is recorded
 * in the same transaction. An update that changes no audited field still records the event (who touched it).
 * `where` adds conditions the row must also meet (else 409 too), e.g. the status a transition starts from.
 */
export async function updateAudited<T extends VersionedTable, A extends Record<string, unknown>>(
  tx: Transaction,
  audit: AuditContext,
  write: {
    table: T;
    id: string;
    version: number;
    set: PgUpdateSetSource<T>;
    where?: SQL;
    event: AuditedEvent | ((after: Row<T>) => AuditedEvent);
    moreChanges?: Record<string, unknown>;
  } & UpdateChanges<T, A>,
): Promise<Row<T>> {
  const { table } = write;
  const touched = table.updatedAt ? { updatedAt: sql`now()` } : {};
  const [after] = (await tx
    .update(table)
    .set({ ...write.set, version: sql`${table.version} + 1`, ...touched } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, write.id), eq(table.version, write.version), write.where))
    .returning()) as Row<T>[];
  if (!after) throw versionConflict();
  const event = typeof write.event === 'function' ? write.event(after) : write.event;
  const changes = write.changes
    ? write.changes(after)
    : diffFields(write.auditable(write.before), write.auditable(after));
  await recordAudit(tx, audit, {
    ...event,
    folderId: event.folderId ?? null,
    objectId: write.id,
    changes: { ...changes, ...write.moreChanges },
  });
  return after;
}

/**
 * The delete path of a versioned object: gone only at the version the caller loaded (else 409), with the audit
 * event recorded in the same transaction (`changes` says what was deleted, e.g. its name). `where` adds
 * conditions the row must also meet (else 409 too).
 */
export async function deleteAudited<T extends VersionedTable>(
  tx: Transaction,
  audit: AuditContext,
  write: {
    table: T;
    id: string;
    version: number;
    where?: SQL;
    event: AuditedEvent;
    changes: Record<string, unknown>;
  },
): Promise<void> {
  const { table } = write;
  const deleted = await tx
    .delete(table)
    .where(and(eq(table.id, write.id), eq(table.version, write.version), write.where))
    .returning({ id: table.id });
  if (deleted.length === 0) throw versionConflict();
  await recordAudit(tx, audit, {
    ...write.event,
    folderId: write.event.folderId ?? null,
    objectId: write.id,
    changes: write.changes,
  });
}
