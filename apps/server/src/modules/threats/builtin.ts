import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { builtinThreats, threatUrn } from './catalogue.js';
import { threats } from './tables.js';

/** Nodes starting together on one PostgreSQL: one writes the catalogue while the others wait, then skip. */
const BUILTIN_THREATS_LOCK_KEY = 7_241_990_011;
export const BUILTIN_PROVIDER = 'Rampart';

const wanted = () =>
  builtinThreats.map((t) => ({
    urn: threatUrn(t.slug),
    refId: t.refId,
    name: t.name,
    description: t.description,
    category: t.category,
  }));

type Wanted = ReturnType<typeof wanted>[number];

async function pendingChanges(db: DbOrTx) {
  const rows = await db
    .select({
      id: threats.id,
      urn: threats.urn,
      refId: threats.refId,
      name: threats.name,
      description: threats.description,
      category: threats.category,
    })
    .from(threats)
    .where(isNull(threats.organizationId));
  const byUrn = new Map(rows.map((r) => [r.urn, r]));
  const inserts: Wanted[] = [];
  const updates: (Wanted & { id: string })[] = [];
  for (const t of wanted()) {
    const row = byUrn.get(t.urn);
    if (!row) inserts.push(t);
    else if (
      row.refId !== t.refId ||
      row.name !== t.name ||
      row.description !== t.description ||
      row.category !== t.category
    ) {
      updates.push({ ...t, id: row.id });
    }
  }
  return { inserts, updates };
}

/**
 * Upserts the built-in threat catalogue (no organisation, read-only for everyone). One small query when the
 * rows already match the code, which is every start but the first after an upgrade. Entries removed from the
 * catalogue are kept: scenarios may still cite them.
 */
export async function ensureBuiltinThreats(db: Database): Promise<void> {
  const first = await pendingChanges(db);
  if (first.inserts.length === 0 && first.updates.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BUILTIN_THREATS_LOCK_KEY})`);
    const { inserts, updates } = await pendingChanges(tx);
    if (inserts.length > 0) {
      await tx.insert(threats).values(inserts.map((t) => ({ ...t, organizationId: null, provider: BUILTIN_PROVIDER })));
    }
    for (const { id, ...fields } of updates) {
      await tx
        .update(threats)
        .set({ ...fields, version: sql`${threats.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(threats.id, id), isNull(threats.organizationId)));
    }
  });
}
