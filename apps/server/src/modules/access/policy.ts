import { sql } from 'drizzle-orm';
import { selectRows, type Transaction } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Access } from './access.js';
import type { Permission } from './permissions-catalog.js';

/**
 * Roles and groups belong to the whole organisation, yet a manager of one branch must be able to pick them when
 * granting access there: reading them needs the permission on any folder, not on the root.
 */
export function holdsAnywhere(access: Access, permission: Permission): boolean {
  return access.grants.some((g) => g.permissions.has(permission) || g.permissions.has('*'));
}

export function requireAnywhere(access: Access, permission: Permission): void {
  if (!holdsAnywhere(access, permission)) {
    throw new AppError('forbidden', `This needs the ${permission} permission`);
  }
}

/**
 * The permissions of `rolePermissions` the caller does not hold at `folderPath` (or on the whole organisation):
 * what granting them would escalate.
 */
export function missingPermissions(access: Access, rolePermissions: readonly string[], where: string | 'root') {
  return rolePermissions.filter((p) =>
    where === 'root' ? !access.canAtRoot(p as Permission) : !access.can(p as Permission, where),
  );
}

/** No privilege escalation: one can only grant (or take away) what one holds oneself at that folder. */
export function requireHoldsAll(access: Access, rolePermissions: readonly string[], where: string, verb: string) {
  const missing = missingPermissions(access, rolePermissions, where);
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    throw new AppError(
      'permissions_not_held',
      `You may not ${verb} a role with permissions you do not hold here: ${shown}`,
    );
  }
}

/**
 * An organisation must keep someone who can administer it. An owner is an active user holding `*` on the root
 * folder, directly or through a group. Called at the end of a transaction that may have removed one; the
 * advisory lock serialises such transactions so two owners cannot remove each other concurrently.
 */
export async function assertOwnerRemains(tx: Transaction, organizationId: string, what: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rampart.owners:${organizationId}`}))`);
  const [row] = await selectRows<{ n: number }>(
    tx,
    sql`
      select count(distinct o.user_id)::int as n
      from (
        select rb.user_id from role_bindings rb
        join roles r on r.id = rb.role_id
        join folders f on f.id = rb.folder_id
        where rb.organization_id = ${organizationId} and f.parent_id is null and '*' = any(r.permissions)
          and rb.user_id is not null
        union all
        select gm.user_id from role_bindings rb
        join roles r on r.id = rb.role_id
        join folders f on f.id = rb.folder_id
        join group_members gm on gm.group_id = rb.group_id
        where rb.organization_id = ${organizationId} and f.parent_id is null and '*' = any(r.permissions)
      ) o
      join users u on u.id = o.user_id and not u.disabled
      where not exists (select 1 from memberships m where m.organization_id = ${organizationId}
                          and m.user_id = o.user_id and m.status = 'suspended')`,
  );
  if ((row?.n ?? 0) === 0) throw conflict(`${what} would leave the organisation without an owner`);
}

/** Turns a unique-index violation into a 409 with a readable reason; anything else is rethrown unchanged. */
export function rethrowDuplicate(message: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  };
}
