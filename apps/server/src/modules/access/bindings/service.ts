import type { Database } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { type Cursor, toPage } from '../../../platform/http/pagination.js';
import { type AuditContext, recordAudit } from '../../audit/index.js';
import type { Access } from '../access.js';
import { findGroup } from '../groups/queries.js';
import { assertOwnerRemains, missingPermissions, requireHoldsAll, rethrowDuplicate } from '../policy.js';
import { findRole } from '../roles/queries.js';
import type { BindingDto } from './contracts.js';
import * as q from './queries.js';

export function toBindingDto(row: q.BindingRow, access: Access): BindingDto {
  const isUser = row.userId !== null;
  return {
    id: row.id,
    folderId: row.folderId,
    folderName: row.folderName,
    roleId: row.roleId,
    roleName: row.roleName,
    roleKey: row.roleKey,
    subject: {
      type: isUser ? 'user' : 'group',
      id: (isUser ? row.userId : row.groupId) ?? '',
      displayName: (isUser ? row.userName : row.groupName) ?? '',
      email: isUser ? row.userEmail : null,
      guest: Boolean(row.guest),
    },
    system: row.system,
    createdAt: row.createdAt,
    abilities: {
      delete:
        access.can('role_binding:delete', row.folderPath) &&
        missingPermissions(access, row.permissions, row.folderPath).length === 0,
    },
  };
}

/** Readable metadata for SIEMs and auditors: names alongside ids, as they were at the time. */
const auditChanges = (row: q.BindingRow) => ({
  folderId: row.folderId,
  folderName: row.folderName,
  roleId: row.roleId,
  roleName: row.roleName,
  subjectType: row.userId ? 'user' : 'group',
  subjectId: row.userId ?? row.groupId,
  subjectName: row.userName ?? row.groupName,
  ...(row.userEmail ? { subjectEmail: row.userEmail } : {}),
  guest: Boolean(row.guest),
});

export function createBindingService(deps: { db: Database }) {
  const { db } = deps;

  return {
    async list(
      access: Access,
      params: {
        folderId?: string;
        userId?: string;
        groupId?: string;
        roleId?: string;
        cursor: Cursor | null;
        limit: number;
      },
    ) {
      const rows = await q.listBindings(db, {
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('role_binding:read'),
        ...params,
      });
      const page = toPage(rows, params.limit, (r) => r.createdAt);
      return { items: page.items.map((r) => toBindingDto(r, access)), nextCursor: page.nextCursor };
    },

    async create(
      access: Access,
      audit: AuditContext,
      input: { folderId: string; roleId: string; userId?: string; groupId?: string },
    ) {
      return db
        .transaction(async (tx) => {
          const folder = await q.findFolderInOrg(tx, access.organizationId, input.folderId);
          if (!folder) throw notFound('Folder');
          access.require('role_binding:create', folder.path, 'folder:read', 'Folder');
          const role = await findRole(tx, access.organizationId, input.roleId);
          if (!role) throw notFound('Role');
          if (input.userId) {
            if (!(await q.findUserAnywhere(tx, input.userId))) throw notFound('User');
          } else if (input.groupId) {
            if (!(await findGroup(tx, access.organizationId, input.groupId))) throw notFound('Group');
          }
          requireHoldsAll(access, role.permissions, folder.path, 'grant');
          const scope = { organizationId: access.organizationId, folderId: folder.id, roleId: role.id };
          if (await q.bindingExists(tx, { ...scope, userId: input.userId, groupId: input.groupId })) {
            throw conflict('This role is already granted to them on this folder');
          }
          const id = await q.insertBinding(tx, {
            ...scope,
            userId: input.userId ?? null,
            groupId: input.groupId ?? null,
          });
          const row = await q.findBinding(tx, access.organizationId, id);
          if (!row) throw new Error('binding vanished inside its own transaction');
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            folderId: folder.id,
            action: 'role_binding.created',
            objectType: 'role_binding',
            objectId: id,
            changes: auditChanges(row),
          });
          return toBindingDto(row, access);
        })
        .catch(rethrowDuplicate('This role is already granted to them on this folder'));
    },

    async remove(access: Access, audit: AuditContext, id: string) {
      await db.transaction(async (tx) => {
        const row = await q.findBinding(tx, access.organizationId, id);
        if (!row) throw notFound('Role binding');
        access.require('role_binding:delete', row.folderPath, 'role_binding:read', 'Role binding');
        requireHoldsAll(access, row.permissions, row.folderPath, 'revoke');
        await q.deleteBinding(tx, access.organizationId, id);
        await assertOwnerRemains(tx, access.organizationId, 'Removing this binding');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'role_binding.deleted',
          objectType: 'role_binding',
          objectId: id,
          changes: auditChanges(row),
        });
      });
    },
  };
}
