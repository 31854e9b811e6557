import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { type BuiltinMatrix, builtinMatrices } from './builtin-matrices.js';
import { sameDefinition } from './definition.js';
import { riskMatrices } from './tables.js';

/** Nodes starting together on one PostgreSQL: one writes the matrices while the others wait, then skip. */
const BUILTIN_MATRICES_LOCK_KEY = 7_241_990_012;

type Plan = { insert: BuiltinMatrix & { revision: number } } | { update: BuiltinMatrix & { id: string } };

/** What the database lacks: a missing matrix, a changed definition (a new revision), or changed wording. */
async function plan(db: DbOrTx): Promise<Plan[]> {
  const rows = await db
    .select()
    .from(riskMatrices)
    .where(isNull(riskMatrices.organizationId))
    .orderBy(riskMatrices.urn, desc(riskMatrices.revision));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.urn)) latest.set(row.urn, row);
  const plans: Plan[] = [];
  for (const m of builtinMatrices) {
    const row = latest.get(m.urn);
    if (!row) plans.push({ insert: { ...m, revision: 1 } });
    else if (!sameDefinition(row.definition, m.definition)) {
      plans.push({ insert: { ...m, revision: row.revision + 1 } });
    } else if (row.name !== m.name || row.description !== m.description || row.refId !== m.refId) {
      plans.push({ update: { ...m, id: row.id } });
    }
  }
  return plans;
}

/**
 * Upserts the built-in matrices (no organisation, read-only). One query when they match the code. A changed
 * definition becomes a new revision (assessments keep rating on the revision they use); changed wording is
 * applied in place.
 */
export async function ensureBuiltinRiskMatrices(db: Database): Promise<void> {
  if ((await plan(db)).length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BUILTIN_MATRICES_LOCK_KEY})`);
    for (const step of await plan(tx)) {
      if ('insert' in step) {
        const { urn, refId, name, description, definition, revision } = step.insert;
        await tx
          .insert(riskMatrices)
          .values({ urn, refId, name, description, definition, revision, provider: 'Rampart' });
      } else {
        const { id, refId, name, description } = step.update;
        await tx
          .update(riskMatrices)
          .set({ refId, name, description, version: sql`${riskMatrices.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(riskMatrices.id, id), isNull(riskMatrices.organizationId)));
      }
    }
  });
}
