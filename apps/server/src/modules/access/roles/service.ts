import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import { AppError, conflict, notFound, versionConflict } from '../../../platform/errors.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  diffFields,
  recordAudit,
  updateAudited,
} from '../../audit/index.js';
import type { Access } from '../access.js';
import { requireAnywhere, requireHoldsAll, rethrowDuplicate } from '../policy.js';
import { roles } from '../tables.js';
import type { RoleDto } from './contracts.js';
import * as q from './queries.js';

export function toRoleDto(row: q.RoleWithCount, access: Access): RoleDto {
  const builtin = row.organizationId === null;
  return {
    id: row.id,
    key: row.builtinKey,
    builtin,
    name: row.name,
    description: row.description,
    permissions: row.permissions,
    bindingCount: row.bindingCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: !builtin && access.canAtRoot('role:update'),
      delete: !builtin && row.bindingCount === 0 && access.canAtRoot('role:delete'),
    },
  };
}

/** Permission changes are audited as what was added and removed, which an auditor can read at a glance. */
function permissionDelta(before: string[], after: string[] | undefined) {
  if (!after) return {};
  const added = after.filter((p) => !before.includes(p));
  const removed = before.filter((p) => !after.includes(p));
  return added.length + removed.length > 0 ? { permissions: { added, removed } } : {};
}

const duplicate = rethrowDuplicate('A role with this name already exists');

/** A binding created between our count and the delete trips the foreign key: same answer as a bound role. */
function boundMeanwhile(error: unknown): never {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === '23503') throw conflict('The role is still granted by a binding; remove it first');
  throw error;
}

export function createRoleService(deps: { db: Database }) {
  const { db } = deps;

  async function loadCustom(access: Access, id: string, tx: Parameters<typeof q.findRole>[0]) {
    const row = await q.findRole(tx, access.organizationId, id);
    if (!row) throw notFound('Role');
    if (row.organizationId === null) throw new AppError('forbidden', 'Built-in roles cannot be changed');
    return row;
  }

  return {
    async list(access: Access) {
      requireAnywhere(access, 'role:read');
      const rows = await q.listRoles(db, access.organizationId);
      return rows.map((r) => toRoleDto(r, access));
    },

    async get(access: Access, id: string) {
      requireAnywhere(access, 'role:read');
      const row = await q.findRole(db, access.organizationId, id);
      if (!row) throw notFound('Role');
      return toRoleDto(row, access);
    },

    async create(
      access: Access,
      audit: AuditContext,
      input: { name: string; description?: string; permissions: string[] },
    ) {
      access.requireAtRoot('role:create');
      requireHoldsAll(access, input.permissions, 'root', 'create');
      return db
        .transaction(async (tx) => {
          const row = await q.insertRole(tx, {
            organizationId: access.organizationId,
            name: input.name,
            description: input.description ?? null,
            permissions: input.permissions,
          });
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            action: 'role.created',
            objectType: 'role',
            objectId: row.id,
            changes: createdFields({ name: row.name, description: row.description, permissions: row.permissions }),
          });
          return toRoleDto({ ...row, bindingCount: 0 }, access);
        })
        .catch(duplicate);
    },

    async update(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      input: { name?: string; description?: string | null; permissions?: string[] },
    ) {
      return db
        .transaction(async (tx) => {
          const before = await loadCustom(access, id, tx);
          access.requireAtRoot('role:update');
          if (input.permissions) {
            const added = input.permissions.filter((p) => !before.permissions.includes(p));
            requireHoldsAll(access, added, 'root', 'widen');
          }
          const after = await updateAudited(tx, audit, {
            table: roles,
            id,
            version,
            set: input,
            where: eq(roles.organizationId, access.organizationId),
            event: { organizationId: access.organizationId, action: 'role.updated', objectType: 'role' },
            changes: () => ({
              ...diffFields(before, { name: input.name, description: input.description }),
              ...permissionDelta(before.permissions, input.permissions),
            }),
          });
          return toRoleDto({ ...after, bindingCount: before.bindingCount }, access);
        })
        .catch(duplicate);
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db
        .transaction(async (tx) => {
          const row = await loadCustom(access, id, tx);
          access.requireAtRoot('role:delete');
          // A stale version is answered before the bindings question (the delete checks it again, under the write).
          if (row.version !== version) throw versionConflict();
          if (row.bindingCount > 0) {
            throw conflict(`The role is still granted by ${row.bindingCount} binding(s); remove them first`);
          }
          await deleteAudited(tx, audit, {
            table: roles,
            id,
            version,
            where: eq(roles.organizationId, access.organizationId),
            event: { organizationId: access.organizationId, action: 'role.deleted', objectType: 'role' },
            changes: { name: { before: row.name }, permissions: { before: row.permissions } },
          });
        })
        .catch(boundMeanwhile);
    },
  };
}
