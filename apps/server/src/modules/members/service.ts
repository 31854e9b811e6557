import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { accessSummaries, assertOwnerRemains, removeUserAccess, requireOutranks } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { MemberDto } from './contracts.js';
import * as q from './queries.js';

async function toMemberDtos(db: DbOrTx, access: Access, rows: q.PersonRow[]): Promise<MemberDto[]> {
  const { bindings, memberOf } = await accessSummaries(
    db,
    access.organizationId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const guest = row.status === null;
    return {
      userId: row.id,
      email: row.email,
      displayName: row.displayName,
      status: row.status ?? 'active',
      guest,
      joinedAt: row.joinedAt,
      bindings: bindings.get(row.id) ?? [],
      groups: memberOf.get(row.id) ?? [],
      abilities: { update: !guest && access.canAtRoot('member:update'), delete: access.canAtRoot('member:delete') },
    };
  });
}

export function createMemberService(deps: { db: Database }) {
  const { db } = deps;

  async function load(tx: DbOrTx, access: Access, userId: string) {
    const row = await q.findPerson(tx, access.organizationId, userId);
    if (!row) throw notFound('Member');
    return row;
  }

  return {
    async list(
      access: Access,
      params: {
        q?: string;
        sort: string;
        status?: 'active' | 'suspended';
        guest?: boolean;
        cursor: Cursor | null;
        limit: number;
      },
    ) {
      access.requireAtRoot('member:read');
      const descending = params.sort.startsWith('-');
      const sort = params.sort.replace(/^-/, '') as q.MemberSort;
      const rows = await q.listPeople(db, { ...params, organizationId: access.organizationId, sort, descending });
      const page = toPage(rows, params.limit, (r) => r[sort]);
      return { items: await toMemberDtos(db, access, page.items), nextCursor: page.nextCursor };
    },

    async setStatus(access: Access, audit: AuditContext, userId: string, status: 'active' | 'suspended') {
      access.requireAtRoot('member:read');
      return db.transaction(async (tx) => {
        const before = await load(tx, access, userId);
        access.requireAtRoot('member:update');
        if (before.status === null) {
          throw conflict('A guest has no membership to suspend; remove their role bindings instead');
        }
        if (before.status !== status) {
          await requireOutranks(tx, access, userId, status === 'suspended' ? 'suspend someone holding' : 'restore');
          await q.setMembershipStatus(tx, access.organizationId, userId, status);
          if (status === 'suspended') await assertOwnerRemains(tx, access.organizationId, 'Suspending this member');
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            action: status === 'suspended' ? 'member.suspended' : 'member.reactivated',
            objectType: 'member',
            objectId: userId,
            changes: { status: { before: before.status, after: status }, email: before.email },
          });
        }
        const [dto] = await toMemberDtos(tx, access, [{ ...before, status }]);
        if (!dto) throw new Error('member vanished inside its own transaction');
        return dto;
      });
    },

    async remove(access: Access, audit: AuditContext, userId: string) {
      access.requireAtRoot('member:read');
      await db.transaction(async (tx) => {
        const row = await load(tx, access, userId);
        access.requireAtRoot('member:delete');
        await requireOutranks(tx, access, userId, 'take away');
        const membership = await q.deleteMembership(tx, access.organizationId, userId);
        const removed = await removeUserAccess(tx, access.organizationId, userId);
        await assertOwnerRemains(tx, access.organizationId, 'Removing this member');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          action: 'member.removed',
          objectType: 'member',
          objectId: userId,
          changes: {
            email: row.email,
            displayName: row.displayName,
            guest: membership.length === 0,
            bindingsRemoved: removed.bindings,
            groupsLeft: removed.groups,
          },
        });
      });
    },
  };
}
