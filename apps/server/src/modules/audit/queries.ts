import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { users } from '../users/index.js';
import type { AuditFilterInput } from './contracts.js';
import { auditEvents } from './tables.js';
import { chainOf } from './verify.js';

/** Where the list continues: the `seq` of the last row of the previous page. */
export type AuditCursor = number;

export interface AuditScope {
  organizationId: string;
  /** Folders whose events the caller may read; undefined when they may read the whole organisation's trail. */
  visible?: SQL;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterWhere(scope: AuditScope, f: AuditFilterInput): SQL | undefined {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return and(
    chainOf(scope.organizationId),
    scope.visible ? inArray(auditEvents.folderId, scope.visible) : undefined,
    pattern
      ? or(
          ilike(auditEvents.action, pattern),
          ilike(auditEvents.objectType, pattern),
          ilike(auditEvents.objectId, pattern),
          ilike(users.email, pattern),
        )
      : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.objectType ? eq(auditEvents.objectType, f.objectType) : undefined,
    f.objectId ? eq(auditEvents.objectId, f.objectId) : undefined,
    f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.folderId ? eq(auditEvents.folderId, f.folderId) : undefined,
    f.from ? gte(auditEvents.occurredAt, new Date(f.from)) : undefined,
    f.to ? lt(auditEvents.occurredAt, new Date(f.to)) : undefined,
  );
}

/**
 * Newest first in chain order: `seq` is the order in which events were committed (clocks of concurrent writers
 * may disagree by a few milliseconds; the chain does not), and it walks the chain's unique index backwards.
 */
export function listAuditEvents(
  db: DbOrTx,
  params: { scope: AuditScope; filters: AuditFilterInput; cursor: AuditCursor | null; limit: number },
) {
  const { cursor } = params;
  return db
    .select({ event: auditEvents, actorEmail: users.email, actorDisplayName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(filterWhere(params.scope, params.filters), cursor === null ? undefined : lt(auditEvents.seq, cursor)))
    .orderBy(desc(auditEvents.seq))
    .limit(params.limit);
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>[number];
