import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { users } from './tables.js';

export const findUserByEmail = async (db: DbOrTx, email: string) =>
  (await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`))[0] ?? null;

export const findUserById = async (db: DbOrTx, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)))[0] ?? null;

export async function insertUser(
  db: DbOrTx,
  values: { email: string; displayName: string; passwordHash: string | null; locale?: string },
) {
  const [user] = await db.insert(users).values(values).returning();
  if (!user) throw new Error('insert returned no row');
  return user;
}

export const countUsers = async (db: DbOrTx) =>
  Number((await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n ?? 0);

/** Optimistic update of the profile fields; null when the version moved on (or the user is gone). */
export async function updateProfile(
  db: DbOrTx,
  params: { id: string; version: number; displayName?: string; locale?: string },
) {
  const [user] = await db
    .update(users)
    .set({
      ...(params.displayName !== undefined ? { displayName: params.displayName } : {}),
      ...(params.locale !== undefined ? { locale: params.locale } : {}),
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, params.id), eq(users.version, params.version)))
    .returning();
  return user ?? null;
}
