import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/client.js';
import { AppError, invalid } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import type { AuditEventDto, AuditFilterInput } from './contracts.js';
import * as q from './queries.js';
import { type AuditContext, recordAudit } from './record.js';
import { verifyAuditChain } from './verify.js';

const EXPORT_BATCH = 500;

export function toAuditEventDto({ event, actorEmail, actorDisplayName }: q.AuditEventRow): AuditEventDto {
  return {
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurredAt,
    actorType: event.actorType,
    actor: event.actorUserId
      ? { id: event.actorUserId, email: actorEmail ?? null, displayName: actorDisplayName ?? null }
      : null,
    actorTokenId: event.actorTokenId,
    folderId: event.folderId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    changes: event.changes,
    requestId: event.requestId,
    ip: event.ip,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/**
 * Who reads what: organisation-wide readers (audit_event:read on the root) see the whole trail, including events
 * without a folder and those of folders deleted since; anyone else sees the events of the folders where they hold
 * the permission, filtered in SQL. Holding it nowhere is a 403, not an empty list that looks like silence.
 */
function scopeOf(access: Access): q.AuditScope {
  if (access.canAtRoot('audit_event:read')) return { organizationId: access.organizationId };
  const anywhere = access.grants.some((g) => g.permissions.has('audit_event:read') || g.permissions.has('*'));
  if (!anywhere) throw new AppError('forbidden', 'This needs the audit_event:read permission');
  return { organizationId: access.organizationId, visible: access.visibleFolderIds('audit_event:read') };
}

function parseCursor(raw: string | undefined): q.AuditCursor | null {
  const cursor = decodeCursor(raw);
  if (!cursor) return null;
  const seq = /^\d{1,15}$/.test(cursor.id) ? Number(cursor.id) : Number.NaN;
  if (!Number.isSafeInteger(seq)) throw invalid('query.cursor', 'Not a cursor this API issued');
  return seq;
}

export function createAuditService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** Every matching event, newest first, one keyset page at a time: memory stays flat however long the trail. */
  async function* matching(scope: q.AuditScope, filters: AuditFilterInput) {
    let cursor: q.AuditCursor | null = null;
    for (;;) {
      const rows = await q.listAuditEvents(db, { scope, filters, cursor, limit: EXPORT_BATCH });
      for (const row of rows) yield toAuditEventDto(row);
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_BATCH || !last) return;
      cursor = last.event.seq;
    }
  }

  return {
    async list(access: Access, params: AuditFilterInput & { cursor?: string; limit: number }) {
      const { cursor, limit, ...filters } = params;
      const rows = await q.listAuditEvents(db, {
        scope: scopeOf(access),
        filters,
        cursor: parseCursor(cursor),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(toAuditEventDto);
      const last = items[items.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor({ v: null, id: String(last.seq) }) : null;
      return { items, nextCursor };
    },

    verify(access: Access) {
      access.requireAtRoot('audit_event:read');
      return verifyAuditChain(db, access.organizationId);
    },

    /**
     * Starts an export: the scope is checked and the export itself is recorded (a bulk read of the trail is
     * worth knowing about) before the first byte is streamed.
     */
    async export(access: Access, audit: AuditContext, format: 'csv' | 'jsonl', filters: AuditFilterInput) {
      const scope = scopeOf(access);
      await db.transaction((tx) =>
        recordAudit(
          tx,
          audit,
          {
            organizationId: access.organizationId,
            action: 'audit_event.exported',
            objectType: 'audit_event',
            changes: { format, filters },
          },
          clock.now(),
        ),
      );
      return matching(scope, filters);
    },
  };
}
