import { eq } from 'drizzle-orm';
import type { Database, DbOrTx, Transaction } from '../../../platform/db/client.js';
import { notFound, versionConflict } from '../../../platform/errors.js';
import { type Cursor, toPage } from '../../../platform/http/pagination.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  diffFields,
  recordAudit,
  updateAudited,
} from '../../audit/index.js';
import type { Access } from '../access.js';
import { assertOwnerRemains, requireAnywhere, requireHoldsAll, rethrowDuplicate } from '../policy.js';
import { groups } from '../tables.js';
import type { GroupDto } from './contracts.js';
import * as q from './queries.js';

export function toGroupDto(row: q.GroupRow, access: Access): GroupDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row.memberCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: access.canAtRoot('group:update'),
      delete: access.canAtRoot('group:delete'),
      manageMembers: access.canAtRoot('group:update'),
    },
  };
}

const duplicate = rethrowDuplicate('A group with this name already exists');

/**
 * Joining (or leaving, or deleting) a group changes what its members may do wherever the group is bound, so the
 * caller must hold every permission the group grants, as if they were making those bindings themselves.
 */
async function requireHoldsGroupGrants(tx: DbOrTx, access: Access, groupId: string, verb: string) {
  for (const grant of await q.groupGrants(tx, access.organizationId, groupId)) {
    requireHoldsAll(access, grant.permissions, grant.path, verb);
  }
}

export function createGroupService(deps: { db: Database }) {
  const { db } = deps;

  async function load(access: Access, id: string, tx: DbOrTx = db) {
    const row = await q.findGroup(tx, access.organizationId, id);
    if (!row) throw notFound('Group');
    return row;
  }

  async function changeMembership(
    tx: Transaction,
    access: Access,
    audit: AuditContext,
    groupId: string,
    userId: string,
    join: boolean,
  ) {
    const group = await load(access, groupId, tx);
    access.requireAtRoot('group:update');
    // Someone already in the group can always be taken out, even if they have since lost their eligibility.
    const user =
      (await q.findEligibleUser(tx, access.organizationId, userId)) ??
      (join ? null : await q.findGroupMemberUser(tx, groupId, userId));
    if (!user) throw notFound('User');
    await requireHoldsGroupGrants(tx, access, groupId, join ? 'grant' : 'revoke');
    const changed = join ? await q.addGroupMember(tx, groupId, userId) : await q.removeGroupMember(tx, groupId, userId);
    if (!changed) return;
    if (!join) await assertOwnerRemains(tx, access.organizationId, 'Removing this member from the group');
    await recordAudit(tx, audit, {
      organizationId: access.organizationId,
      action: join ? 'group.member_added' : 'group.member_removed',
      objectType: 'group',
      objectId: groupId,
      changes: { group: group.name, userId, email: user.email, displayName: user.displayName },
    });
  }

  return {
    async list(access: Access, params: { q?: string; sort: string; cursor: Cursor | null; limit: number }) {
      requireAnywhere(access, 'group:read');
      const rows = await q.listGroups(db, {
        organizationId: access.organizationId,
        q: params.q,
        descending: params.sort.startsWith('-'),
        cursor: params.cursor,
        limit: params.limit,
      });
      const page = toPage(rows, params.limit, (r) => r.name);
      return { items: page.items.map((r) => toGroupDto(r, access)), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string) {
      requireAnywhere(access, 'group:read');
      return toGroupDto(await load(access, id), access);
    },

    async create(access: Access, audit: AuditContext, input: { name: string; description?: string }) {
      access.requireAtRoot('group:create');
      return db
        .transaction(async (tx) => {
          const row = await q.insertGroup(tx, {
            organizationId: access.organizationId,
            name: input.name,
            description: input.description ?? null,
          });
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            action: 'group.created',
            objectType: 'group',
            objectId: row.id,
            changes: createdFields({ name: row.name, description: row.description }),
          });
          return toGroupDto({ ...row, memberCount: 0 }, access);
        })
        .catch(duplicate);
    },

    async update(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      input: { name?: string; description?: string | null },
    ) {
      return db
        .transaction(async (tx) => {
          const before = await load(access, id, tx);
          access.requireAtRoot('group:update');
          const after = await updateAudited(tx, audit, {
            table: groups,
            id,
            version,
            set: input,
            where: eq(groups.organizationId, access.organizationId),
            event: { organizationId: access.organizationId, action: 'group.updated', objectType: 'group' },
            changes: () => diffFields(before, input),
          });
          return toGroupDto({ ...after, memberCount: before.memberCount }, access);
        })
        .catch(duplicate);
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const row = await load(access, id, tx);
        access.requireAtRoot('group:delete');
        // A stale version is answered before the grants question (the delete checks it again, under the write).
        if (row.version !== version) throw versionConflict();
        await requireHoldsGroupGrants(tx, access, id, 'revoke');
        await deleteAudited(tx, audit, {
          table: groups,
          id,
          version,
          where: eq(groups.organizationId, access.organizationId),
          event: { organizationId: access.organizationId, action: 'group.deleted', objectType: 'group' },
          changes: { name: { before: row.name }, memberCount: { before: row.memberCount } },
        });
        await assertOwnerRemains(tx, access.organizationId, 'Deleting this group');
      });
    },

    async members(access: Access, groupId: string, params: { q?: string; cursor: Cursor | null; limit: number }) {
      requireAnywhere(access, 'group:read');
      await load(access, groupId);
      const rows = await q.listGroupMembers(db, { organizationId: access.organizationId, groupId, ...params });
      const page = toPage(rows, params.limit, (r) => r.displayName);
      return {
        items: page.items.map((r) => ({ userId: r.id, email: r.email, displayName: r.displayName, guest: r.guest })),
        nextCursor: page.nextCursor,
      };
    },

    addMember: (access: Access, audit: AuditContext, groupId: string, userId: string) =>
      db.transaction((tx) => changeMembership(tx, access, audit, groupId, userId, true)),

    removeMember: (access: Access, audit: AuditContext, groupId: string, userId: string) =>
      db.transaction((tx) => changeMembership(tx, access, audit, groupId, userId, false)),
  };
}
