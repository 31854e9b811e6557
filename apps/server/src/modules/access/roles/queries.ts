import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { roleBindings, roles } from '../tables.js';

export type RoleRow = typeof roles.$inferSelect;
export type RoleWithCount = RoleRow & { bindingCount: number };

/** Built-in roles (no organisation) and the organisation's own. */
const inScope = (organizationId: string) => or(isNull(roles.organizationId), eq(roles.organizationId, organizationId));

const bindingCount = (organizationId: string): SQL<number> =>
  sql<number>`(select count(*)::int from ${roleBindings} rb
               where rb.role_id = roles.id and rb.organization_id = ${organizationId})`.mapWith(Number);

export const listRoles = (db: DbOrTx, organizationId: string): Promise<RoleWithCount[]> =>
  db
    .select({ role: roles, bindingCount: bindingCount(organizationId) })
    .from(roles)
    .where(inScope(organizationId))
    .orderBy(sql`${roles.builtinKey} is null`, sql`lower(${roles.name})`, roles.id)
    .limit(1000)
    .then((rows) => rows.map((r) => ({ ...r.role, bindingCount: r.bindingCount })));

export const findRole = async (db: DbOrTx, organizationId: string, id: string): Promise<RoleWithCount | null> => {
  const [row] = await db
    .select({ role: roles, bindingCount: bindingCount(organizationId) })
    .from(roles)
    .where(and(eq(roles.id, id), inScope(organizationId)));
  return row ? { ...row.role, bindingCount: row.bindingCount } : null;
};

export async function insertRole(
  db: DbOrTx,
  values: { organizationId: string; name: string; description: string | null; permissions: string[] },
) {
  const [row] = await db.insert(roles).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
