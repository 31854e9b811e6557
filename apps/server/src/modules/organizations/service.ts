import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/client.js';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { roleBindings, roles } from '../access/index.js';
import { type AuditContext, createdFields, diffFields, recordAudit, updateAudited } from '../audit/index.js';
import { folders } from '../folders/index.js';
import { memberships, organizations } from './tables.js';

/**
 * Creates an organisation with its root folder, makes `ownerUserId` a member and binds them as owner on the
 * root. Everything in the caller's transaction, audited.
 */
export async function createOrganization(
  tx: Transaction,
  audit: AuditContext,
  input: { name: string; ownerUserId: string },
) {
  const [organization] = await tx.insert(organizations).values({ name: input.name }).returning();
  if (!organization) throw new Error('insert returned no row');
  const rootId = randomUUID();
  await tx.insert(folders).values({
    id: rootId,
    organizationId: organization.id,
    parentId: null,
    name: input.name,
    path: `/${rootId}/`,
    depth: 0,
  });
  await tx.insert(memberships).values({ organizationId: organization.id, userId: input.ownerUserId });
  const [owner] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, 'owner'));
  if (!owner) throw new Error('built-in roles are missing: run the migrations');
  await tx.insert(roleBindings).values({
    organizationId: organization.id,
    folderId: rootId,
    roleId: owner.id,
    userId: input.ownerUserId,
    system: true,
  });
  await recordAudit(tx, audit, {
    organizationId: organization.id,
    folderId: rootId,
    action: 'organization.created',
    objectType: 'organization',
    objectId: organization.id,
    changes: createdFields({ name: organization.name, ownerUserId: input.ownerUserId }),
  });
  return { organization, rootFolderId: rootId };
}

/** The organisations a user can enter: memberships and guest bindings, with the root folder of each. */
export function listOrganizationsOfUser(db: DbOrTx, userId: string) {
  return selectRows<{ id: string; name: string; require_totp: boolean; guest: boolean; root_folder_id: string }>(
    db,
    sql`
      select o.id, o.name, o.require_totp,
             not exists (select 1 from memberships m where m.organization_id = o.id and m.user_id = ${userId}
                          and m.status = 'active') as guest,
             (select f.id from folders f where f.organization_id = o.id and f.parent_id is null) as root_folder_id
      from organizations o
      where (exists (select 1 from memberships m where m.organization_id = o.id and m.user_id = ${userId}
                     and m.status = 'active')
         or exists (select 1 from role_bindings rb where rb.organization_id = o.id
                     and (rb.user_id = ${userId}
                          or rb.group_id in (select gm.group_id from group_members gm where gm.user_id = ${userId}))))
        -- A suspended member keeps their bindings (reactivation restores them) but cannot enter meanwhile.
        and not exists (select 1 from memberships sm where sm.organization_id = o.id and sm.user_id = ${userId}
                         and sm.status = 'suspended')
      order by lower(o.name), o.id`,
  );
}

export async function getOrganization(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound('Organization');
  return row;
}

export async function updateOrganization(
  tx: Transaction,
  audit: AuditContext,
  access: Access,
  input: { version: number; name?: string; requireTotp?: boolean },
) {
  access.requireAtRoot('organization:update');
  const before = await getOrganization(tx, access.organizationId);
  const changes = diffFields(before, { name: input.name, requireTotp: input.requireTotp });
  const after = await updateAudited(tx, audit, {
    table: organizations,
    id: access.organizationId,
    version: input.version,
    set: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.requireTotp !== undefined ? { requireTotp: input.requireTotp } : {}),
    },
    event: { organizationId: access.organizationId, action: 'organization.updated', objectType: 'organization' },
    changes: () => changes,
  });
  if (input.name !== undefined) {
    // The root folder carries the organisation's name in the tree.
    await tx
      .update(folders)
      .set({ name: input.name })
      .where(and(eq(folders.organizationId, access.organizationId), sql`${folders.parentId} is null`));
  }
  return after;
}
