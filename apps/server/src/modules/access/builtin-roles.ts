import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { builtinRoles } from './permissions-catalog.js';
import { roles } from './tables.js';

/**
 * Built-in roles live in code and are upserted after migrations, so a release that widens a role (a new module's
 * permissions) takes effect on every install at its next start. Idempotent; safe for nodes starting together.
 */
export async function ensureBuiltinRoles(db: DbOrTx): Promise<void> {
  for (const role of builtinRoles) {
    await db
      .insert(roles)
      .values({
        builtinKey: role.key,
        name: role.name,
        description: role.description,
        permissions: role.permissions,
      })
      .onConflictDoUpdate({
        target: roles.builtinKey,
        set: { name: role.name, description: role.description, permissions: role.permissions, updatedAt: sql`now()` },
      });
  }
}
