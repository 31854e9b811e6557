import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
// risk_register_filters lives in risk-assessments/tables.ts (the schema is fixed) but only this module uses it.
import { riskRegisterFilters } from '../risk-assessments/index.js';

const fields = {
  id: riskRegisterFilters.id,
  name: riskRegisterFilters.name,
  query: riskRegisterFilters.query,
  createdAt: riskRegisterFilters.createdAt,
};

/** A caller's own filters in one organisation: nobody else's are ever read. */
const own = (owner: { organizationId: string; userId: string }) =>
  and(eq(riskRegisterFilters.organizationId, owner.organizationId), eq(riskRegisterFilters.userId, owner.userId));

export const listFilters = (db: DbOrTx, owner: { organizationId: string; userId: string }) =>
  db
    .select(fields)
    .from(riskRegisterFilters)
    .where(own(owner))
    .orderBy(asc(riskRegisterFilters.name), asc(riskRegisterFilters.id));

export const countFilters = async (db: DbOrTx, owner: { organizationId: string; userId: string }) =>
  (await db.select({ id: riskRegisterFilters.id }).from(riskRegisterFilters).where(own(owner))).length;

export async function insertFilter(
  db: DbOrTx,
  owner: { organizationId: string; userId: string },
  values: { name: string; query: string },
) {
  const [row] = await db
    .insert(riskRegisterFilters)
    .values({ ...owner, ...values })
    .returning(fields);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export const deleteFilter = async (db: DbOrTx, owner: { organizationId: string; userId: string }, id: string) =>
  (
    await db
      .delete(riskRegisterFilters)
      .where(and(own(owner), eq(riskRegisterFilters.id, id)))
      .returning(fields)
  )[0] ?? null;
