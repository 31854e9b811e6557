import type { FieldError } from '../../../platform/errors.js';
import { assetFieldProblems } from '../service.js';
import { type AssetValues, changedFields, normalisePath, readRow } from './cells.js';
import { splitList } from './columns.js';
import type { ExistingAsset, TransferContext } from './context.js';
import { findCycle } from './cycles.js';
import type { ImportIssue } from './issues.js';
import type { ImportTable } from './read-table.js';

/** What "supports" points at: a stored asset, or an asset a row of the same file creates. */
export type Target = { asset: string } | { row: number };

export interface PlannedRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  existing: ExistingAsset | null;
  values: AssetValues;
  changes: string[];
  /** The wanted set of supported assets; null when the file has no "supports" column (edges unchanged). */
  supports: Target[] | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  issues: ImportIssue[];
}

const fieldColumn: Record<string, string> = {
  'body.category': 'category',
  'body.mtdMinutes': 'mtd_minutes',
};
const columnOf = (error: FieldError) =>
  fieldColumn[error.field] ?? error.field.replace(/^body\.securityObjectives\./, '').replace(/^body\./, '');

const lower = (v: string) => v.trim().toLowerCase();
function indexBy<T>(items: T[], key: (item: T) => string | null) {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k) map.set(lower(k), [...(map.get(lower(k)) ?? []), item]);
  }
  return map;
}

/**
 * Plans an import without writing: which rows create or update which asset, every problem located by row and
 * column. A row matches a stored asset by ref id; a row without a match by ref id matches by name an asset that
 * has no ref id (an asset whose ref id differs is another asset).
 */
export function planImport(
  table: ImportTable,
  ctx: TransferContext,
  options: { defaultFolderId: string; can: (permission: 'asset:create' | 'asset:update', path: string) => boolean },
): ImportPlan {
  const issues: ImportIssue[] = [];
  const root = ctx.folders.find((f) => f.id === ctx.rootFolderId);
  const folderByPath = new Map<string, string>();
  for (const f of ctx.folders) folderByPath.set(normalisePath(f.namePath), f.id);
  // A path that leaves out the root's name is read below the root.
  for (const f of ctx.folders) {
    const relative = normalisePath(f.namePath).split('/').slice(1).join('/');
    if (relative && !folderByPath.has(relative)) folderByPath.set(relative, f.id);
  }
  const folderPathOf = new Map(ctx.folders.map((f) => [f.id, f.path]));
  const lookups = { folderByPath, memberByEmail: new Map(ctx.members.map((m) => [lower(m.email), m.id])) };
  const byRef = indexBy(ctx.assets, (a) => a.refId);
  const byName = indexBy(
    ctx.assets.filter((a) => a.refId === null),
    (a) => a.name,
  );
  const claimed = new Map<string, number>();
  const newRefs = new Map<string, number>();

  const planned: PlannedRow[] = [];
  for (const row of table.rows) {
    const at = (column: string | null, message: string) => issues.push({ row: row.row, column, message });
    const ref = row.cells.ref_id ?? '';
    const name = row.cells.name ?? '';
    const candidates = (ref ? byRef.get(lower(ref)) : undefined) ?? (name ? byName.get(lower(name)) : undefined) ?? [];
    if (candidates.length > 1) {
      at(ref ? 'ref_id' : 'name', `${candidates.length} assets match "${ref || name}"; give each a distinct ref id`);
      continue;
    }
    const existing = candidates[0] ?? null;
    if (existing) {
      const earlier = claimed.get(existing.id);
      if (earlier !== undefined) {
        at(ref ? 'ref_id' : 'name', `Row ${earlier} already describes this asset`);
        continue;
      }
      claimed.set(existing.id, row.row);
    } else if (ref) {
      const earlier = newRefs.get(lower(ref));
      if (earlier !== undefined) at('ref_id', `Row ${earlier} already has the ref id "${ref}"`);
      newRefs.set(lower(ref), row.row);
    }
    const { values, issues: cellIssues } = readRow(row, ctx, lookups, existing, options.defaultFolderId);
    issues.push(...cellIssues);
    if (!values) continue;
    const problems = assetFieldProblems(values, ctx.settings);
    for (const p of problems) at(columnOf(p), p.message);
    if (existing && !options.can('asset:update', existing.folderPath)) {
      at(null, `You may not update the asset "${existing.name}"`);
    }
    if (
      (!existing || existing.folderId !== values.folderId) &&
      !options.can('asset:create', folderPathOf.get(values.folderId) ?? '')
    ) {
      at(
        row.cells.folder ? 'folder' : null,
        `You may not create assets in the folder "${row.cells.folder || root?.namePath}"`,
      );
    }
    const changes = existing ? changedFields(existing, values) : [];
    planned.push({ row: row.row, action: existing ? 'update' : 'create', existing, values, changes, supports: null });
  }
  if (table.present.has('supports')) resolveSupports(table, ctx, planned, issues);
  for (const p of planned) {
    if (p.action === 'update' && p.changes.length === 0) p.action = 'unchanged';
  }
  return { rows: planned, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
}

/** Resolves the "supports" cells (ref ids or names, of stored assets or of other rows) and refuses cycles. */
function resolveSupports(table: ImportTable, ctx: TransferContext, planned: PlannedRow[], issues: ImportIssue[]) {
  const cellOf = new Map(table.rows.map((r) => [r.row, r.cells.supports ?? '']));
  const keyOf = (t: Target) => ('asset' in t ? t.asset : `row:${t.row}`);
  const targetOfRow = (p: PlannedRow): Target => (p.existing ? { asset: p.existing.id } : { row: p.row });
  const rowsByRef = indexBy(planned, (p) => p.values.refId);
  const rowsByName = indexBy(planned, (p) => p.values.name);
  const assetsByRef = indexBy(ctx.assets, (a) => a.refId);
  const assetsByName = indexBy(ctx.assets, (a) => a.name);
  const readable = new Set(ctx.assets.map((a) => a.id));
  // Assets with an edge to an asset the caller cannot read: the import leaves those edges alone.
  const hiddenTargets = new Set(ctx.edges.filter((e) => !readable.has(e.to)).map((e) => e.from));
  const resolve = (token: string): Target[] => {
    const found = new Map<string, Target>();
    const add = (targets: Target[]) => {
      for (const t of targets) found.set(keyOf(t), t);
    };
    add((rowsByRef.get(lower(token)) ?? []).map(targetOfRow));
    add((assetsByRef.get(lower(token)) ?? []).map((a) => ({ asset: a.id })));
    if (found.size > 0) return [...found.values()];
    add((rowsByName.get(lower(token)) ?? []).map(targetOfRow));
    add((assetsByName.get(lower(token)) ?? []).map((a) => ({ asset: a.id })));
    return [...found.values()];
  };

  for (const p of planned) {
    const at = (message: string) => issues.push({ row: p.row, column: 'supports', message });
    const wanted = new Map<string, Target>();
    for (const token of splitList(cellOf.get(p.row) ?? '')) {
      const targets = resolve(token);
      const target = targets[0];
      if (!target) at(`No asset "${token}" (in the file or among the assets you can read)`);
      else if (targets.length > 1) at(`"${token}" names ${targets.length} assets; use a ref id`);
      else if (keyOf(target) === keyOf(targetOfRow(p))) at('An asset cannot support itself');
      else wanted.set(keyOf(target), target);
    }
    p.supports = [...wanted.values()];
    const current = new Set(p.existing?.supports ?? []);
    const differs =
      p.supports.length !== current.size || p.supports.some((t) => !('asset' in t) || !current.has(t.asset));
    if (differs && p.existing) p.changes.push('supports');
    const keepsHidden = p.existing ? hiddenTargets.has(p.existing.id) : false;
    if (p.values.type === 'primary' && (p.supports.length > 0 || keepsHidden)) {
      at('A primary asset supports nothing; leave this cell empty or make it a supporting asset');
    }
  }

  // The graph after the import: stored edges, less those the file replaces, plus the file's.
  const replaced = new Set(planned.filter((p) => p.existing).map((p) => p.existing?.id));
  const edges = ctx.edges
    .filter((e) => !(replaced.has(e.from) && readable.has(e.to)))
    .map((e) => ({ from: e.from, to: e.to }));
  for (const p of planned) {
    for (const t of p.supports ?? []) edges.push({ from: keyOf(targetOfRow(p)), to: keyOf(t) });
  }
  const cycle = findCycle(edges);
  if (!cycle) return;
  const rowOfNode = new Map(planned.map((p) => [keyOf(targetOfRow(p)), p]));
  const storedName = new Map(ctx.assets.map((a) => [a.id, a.name]));
  const nameOf = (node: string) =>
    rowOfNode.get(node)?.values.name ?? storedName.get(node) ?? 'an asset you cannot see';
  const onCycle = cycle.map((n) => rowOfNode.get(n)).filter((p): p is PlannedRow => p !== undefined);
  const first = onCycle.sort((a, b) => a.row - b.row)[0];
  // Spelled from the row that is reported, so the message reads from where the person looks.
  const loop = cycle.slice(0, -1);
  const start = first ? Math.max(0, loop.indexOf(keyOf(targetOfRow(first)))) : 0;
  const rotated = [...loop.slice(start), ...loop.slice(0, start), loop[start] as string];
  issues.push({
    row: first?.row ?? null,
    column: 'supports',
    message: `This would create a dependency cycle: ${rotated.map(nameOf).join(' → ')}`,
  });
}
