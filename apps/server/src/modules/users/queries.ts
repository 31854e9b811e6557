import { eq, sql } from 'drizzle-orm';
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
