import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import * as q from './queries.js';

const summary = (row: q.OutboxEmailRow) => ({
  id: row.id,
  to: row.to,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  error: row.error,
  createdAt: row.createdAt,
  sentAt: row.sentAt,
});

/**
 * The outbox as owners read it. Messages carry invitation links, so reading them needs outbox_email:read on
 * the whole organisation (owners only among the built-in roles).
 */
export function createOutboxService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async list(access: Access, params: { status?: q.OutboxEmailRow['status']; cursor: Cursor | null; limit: number }) {
      access.requireAtRoot('outbox_email:read');
      const rows = await q.listOutboxEmails(db, { organizationId: access.organizationId, ...params });
      const page = toPage(rows, params.limit, (r) => r.createdAt);
      return { items: page.items.map(summary), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string) {
      // Permission first: a non-owner learns nothing about which ids exist.
      access.requireAtRoot('outbox_email:read');
      const row = await q.findOutboxEmail(db, access.organizationId, id);
      if (!row) throw notFound('E-mail');
      return { ...summary(row), text: row.text, html: row.html };
    },
  };
}
