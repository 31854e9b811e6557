import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/client.js';
import { type AuditContext, recordAudit } from '../../audit/index.js';
import { addEdges, removeEdges } from '../graph-queries.js';
import { replaceOwners } from '../queries.js';
import { assetOwners, assets } from '../tables.js';
import type { AssetValues } from './cells.js';
import type { PlannedRow } from './plan.js';

const CHUNK = 500;

const columnsOf = ({ ownerIds: _o, ...values }: AssetValues) => values;

/**
 * Writes a validated plan (inside the caller's transaction, the graph locked). New assets get their ids here so
 * "supports" cells can point at rows of the same file; one `asset.imported` event records what changed.
 */
export async function applyImport(
  tx: Transaction,
  audit: AuditContext,
  organizationId: string,
  rows: PlannedRow[],
  file: { name: string; format: string },
) {
  const idOfRow = new Map<number, string>();
  const creates = rows.filter((r) => r.action === 'create');
  for (const r of creates) idOfRow.set(r.row, randomUUID());
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK);
    await tx
      .insert(assets)
      .values(chunk.map((r) => ({ ...columnsOf(r.values), id: idOfRow.get(r.row) as string, organizationId })));
    const owners = chunk.flatMap((r) =>
      r.values.ownerIds.map((userId) => ({ assetId: idOfRow.get(r.row) as string, userId })),
    );
    if (owners.length > 0) await tx.insert(assetOwners).values(owners);
  }
  const updates = rows.filter((r) => r.action === 'update');
  for (const r of updates) {
    const id = r.existing?.id as string;
    idOfRow.set(r.row, id);
    // Any change (owners and edges included) moves the version, so an editor holding the old one reloads.
    await tx
      .update(assets)
      .set({ ...columnsOf(r.values), version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
      .where(eq(assets.id, id));
    if (r.changes.includes('ownerIds')) await replaceOwners(tx, id, r.values.ownerIds);
  }
  for (const r of rows) if (r.existing) idOfRow.set(r.row, r.existing.id);

  let edgesChanged = 0;
  for (const r of rows) {
    if (r.supports === null || r.action === 'unchanged') continue;
    const id = idOfRow.get(r.row) as string;
    const wanted = r.supports.map((t) => ('asset' in t ? t.asset : (idOfRow.get(t.row) as string)));
    const current = r.existing?.supports ?? [];
    const add = wanted.filter((w) => !current.includes(w));
    const remove = current.filter((c) => !wanted.includes(c));
    await addEdges(tx, id, add);
    await removeEdges(tx, id, remove);
    edgesChanged += add.length + remove.length;
  }

  const summary = (list: PlannedRow[]) =>
    list.map((r) => ({ id: idOfRow.get(r.row), row: r.row, name: r.values.name, changes: r.changes }));
  await recordAudit(tx, audit, {
    organizationId,
    action: 'asset.imported',
    objectType: 'asset',
    changes: {
      file: file.name,
      format: file.format,
      created: summary(creates),
      updated: summary(updates),
      dependenciesChanged: edgesChanged,
    },
  });
  return { idOfRow };
}
