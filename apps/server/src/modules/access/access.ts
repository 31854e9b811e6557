import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { folders } from '../folders/index.js';
import { allPermissions, type Permission } from './permissions-catalog.js';

/**
 * A suspended member keeps their bindings (so reactivation restores them) but none of them applies: every path
 * into the organisation (entering it, grants, list scoping) checks this.
 */
const notSuspended = (userId: string, organizationId: string) =>
  sql`not exists (select 1 from memberships sm where sm.organization_id = ${organizationId}
                    and sm.user_id = ${userId} and sm.status = 'suspended')`;

/** One role binding as it applies to the caller: the bound folder's path and the role's permissions. */
export interface Grant {
  folderId: string;
  path: string;
  permissions: ReadonlySet<string>;
}

/**
 * The caller's grants in one organisation (direct and through groups). Loaded once per request; small (one row
 * per binding), and used for ability checks on single objects. Lists never filter in memory: they embed
 * `visibleFolderIds()` in their SQL.
 */
export async function loadGrants(db: DbOrTx, userId: string, organizationId: string): Promise<Grant[]> {
  const rows = await selectRows<{ folder_id: string; path: string; permissions: string[] }>(
    db,
    sql`
    select rb.folder_id, f.path, r.permissions
    from role_bindings rb
    join folders f on f.id = rb.folder_id
    join roles r on r.id = rb.role_id
    where rb.organization_id = ${organizationId}
      and (rb.user_id = ${userId}
           or rb.group_id in (select gm.group_id from group_members gm where gm.user_id = ${userId}))
      and ${notSuspended(userId, organizationId)}`,
  );
  return rows.map((row) => ({
    folderId: row.folder_id,
    path: row.path,
    permissions: new Set(row.permissions),
  }));
}

/**
 * A SQL subquery of the ids of the folders where `userId` holds `permission` in `organizationId`: every folder
 * at or below a folder bound to a role that contains the permission (or `*`). Embed it as
 * `inArray(table.folderId, visibleFolderIds(...))` so scoping happens in the database.
 */
export function visibleFolderIds(userId: string, organizationId: string, permission: Permission): SQL {
  return sql`(
    select vf.id from ${folders} vf
    where vf.organization_id = ${organizationId}
      and exists (
        select 1 from role_bindings rb
        join folders bf on bf.id = rb.folder_id
        join roles r on r.id = rb.role_id
        where rb.organization_id = ${organizationId}
          and (rb.user_id = ${userId}
               or rb.group_id in (select gm.group_id from group_members gm where gm.user_id = ${userId}))
          and (${permission} = any(r.permissions) or '*' = any(r.permissions))
          and starts_with(vf.path, bf.path)
      )
      and ${notSuspended(userId, organizationId)})`;
}

/** Whether the user can see the organisation at all: a membership or at least one binding (guests). */
export function hasOrganizationAccess(db: DbOrTx, userId: string, organizationId: string) {
  return selectRows<{ ok: boolean }>(
    db,
    sql`
      select ${notSuspended(userId, organizationId)}
        and (exists (select 1 from memberships m where m.organization_id = ${organizationId}
                       and m.user_id = ${userId} and m.status = 'active')
          or exists (select 1 from role_bindings rb where rb.organization_id = ${organizationId}
                       and (rb.user_id = ${userId}
                            or rb.group_id in (select gm.group_id from group_members gm where gm.user_id = ${userId}))))
        as ok`,
  ).then((rows) => Boolean(rows[0]?.ok));
}

/** The permission checks of one caller in one organisation, with abilities for the UI. */
export class Access {
  constructor(
    readonly userId: string,
    readonly organizationId: string,
    readonly grants: Grant[],
  ) {}

  /** May the caller do `permission` on an object in the folder with this path? Inherited down the tree. */
  can(permission: Permission, folderPath: string): boolean {
    return this.grants.some(
      (g) => folderPath.startsWith(g.path) && (g.permissions.has(permission) || g.permissions.has('*')),
    );
  }

  /** Organisation-wide permissions are those held on the root folder (the root's path is the shortest). */
  canAtRoot(permission: Permission): boolean {
    return this.grants.some(
      (g) => g.path.split('/').length === 3 && (g.permissions.has(permission) || g.permissions.has('*')),
    );
  }

  /**
   * Throws the right error for an object the caller cannot act on: 404 when they cannot even read it (its
   * existence is not revealed), 403 when they can see it but not do this.
   */
  require(permission: Permission, folderPath: string, readPermission: Permission, what = 'Resource'): void {
    if (this.can(permission, folderPath)) return;
    if (!this.can(readPermission, folderPath)) throw new AppError('not_found', `${what} not found`);
    const [type, action] = permission.split(':');
    // Another object type's permission (the scenarios of a readable assessment): name it, "you may not read
    // this risk assessment" would be false.
    if (type !== readPermission.split(':')[0]) {
      throw new AppError('forbidden', `This needs the ${permission} permission on this ${what.toLowerCase()}`);
    }
    throw new AppError('forbidden', `You may not ${action} this ${what.toLowerCase()}`);
  }

  requireAtRoot(permission: Permission): void {
    if (!this.canAtRoot(permission)) {
      throw new AppError('forbidden', `This needs the ${permission} permission on the whole organisation`);
    }
  }

  /**
   * The permissions the caller holds on the whole organisation (at the root) and somewhere in it, `*` expanded.
   * The UI uses them to show or hide actions that are not tied to one object (Invite, New group, ...).
   */
  summary(): { organizationWide: Permission[]; somewhere: Permission[] } {
    const expand = (sets: ReadonlySet<string>[]) => {
      if (sets.some((p) => p.has('*'))) return [...allPermissions];
      return allPermissions.filter((permission) => sets.some((p) => p.has(permission)));
    };
    const atRoot = this.grants.filter((g) => g.path.split('/').length === 3).map((g) => g.permissions);
    return { organizationWide: expand(atRoot), somewhere: expand(this.grants.map((g) => g.permissions)) };
  }

  visibleFolderIds(permission: Permission): SQL {
    return visibleFolderIds(this.userId, this.organizationId, permission);
  }
}

/** Loads the caller's grants in the organisation they act in; done once per request that needs it. */
export async function accessFor(db: DbOrTx, caller: { userId: string; organizationId: string }): Promise<Access> {
  return new Access(caller.userId, caller.organizationId, await loadGrants(db, caller.userId, caller.organizationId));
}
