import { assetCategories, assetTypes, type SecurityObjectiveKey, securityObjectiveKeys } from '../tables.js';
import { splitList } from './columns.js';
import type { ExistingAsset, TransferContext } from './context.js';
import type { ImportIssue } from './issues.js';
import type { TableRow } from './read-table.js';

/** The stored values of an asset, as the import compares and writes them. */
export interface AssetValues {
  refId: string | null;
  name: string;
  type: 'primary' | 'supporting';
  category: (typeof assetCategories)[number] | null;
  description: string | null;
  folderId: string;
  businessValue: string | null;
  securityObjectives: Partial<Record<SecurityObjectiveKey, number>>;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  mtdMinutes: number | null;
  tags: string[];
  ownerIds: string[];
}

const limits = { ref_id: 100, name: 300, description: 20_000, business_value: 300 } as const;
const MAX_MINUTES = 52_560_000;

/**
 * The row's values merged over the existing asset (a column the file lacks keeps the stored value; an empty cell
 * clears an optional field), with a located issue for every cell that cannot be read.
 */
export function readRow(
  row: TableRow,
  ctx: TransferContext,
  lookups: { folderByPath: Map<string, string>; memberByEmail: Map<string, string> },
  existing: ExistingAsset | null,
  defaultFolderId: string,
): { values: AssetValues | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (column: string, message: string) => issues.push({ row: row.row, column, message });
  const cell = (column: keyof typeof row.cells) => row.cells[column];
  const textOf = (column: keyof typeof limits) => {
    const value = cell(column);
    if (value === undefined) return undefined;
    if (value.length > limits[column]) at(column, `At most ${limits[column]} characters`);
    return value === '' ? null : value;
  };
  const minutesOf = (column: 'rto_minutes' | 'rpo_minutes' | 'mtd_minutes') => {
    const value = cell(column);
    if (value === undefined) return undefined;
    if (value === '') return null;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > MAX_MINUTES) {
      at(column, `"${value}" is not a whole number of minutes`);
      return undefined;
    }
    return n;
  };

  const refId = textOf('ref_id');
  const name = textOf('name');
  const description = textOf('description');
  const businessValue = textOf('business_value');
  const typeCell = cell('type');
  let type: AssetValues['type'] | undefined;
  if (typeCell !== undefined && typeCell !== '') {
    const t = typeCell.toLowerCase();
    if ((assetTypes as readonly string[]).includes(t)) type = t as AssetValues['type'];
    else at('type', `"${typeCell}" is not one of ${assetTypes.join(', ')}`);
  } else if (!existing) at('type', 'A new asset needs a type (primary or supporting)');
  const categoryCell = cell('category');
  let category: AssetValues['category'] | undefined;
  if (categoryCell !== undefined) {
    const c = categoryCell.toLowerCase().replace(/\s+/g, '_');
    if (c === '') category = null;
    else if ((assetCategories as readonly string[]).includes(c)) category = c as AssetValues['category'];
    else at('category', `"${categoryCell}" is not one of ${assetCategories.join(', ')}`);
  }
  let folderId: string | undefined;
  const folderCell = cell('folder');
  if (folderCell) {
    folderId = lookups.folderByPath.get(normalisePath(folderCell));
    if (!folderId) at('folder', `No folder "${folderCell}" (write the path of names from the root, e.g. "Root/IT")`);
  }

  const objectives: Partial<Record<SecurityObjectiveKey, number>> = { ...(existing?.securityObjectives ?? {}) };
  const byName = new Map(ctx.settings.objectiveScale.map((l) => [l.name.toLowerCase(), l.level]));
  const levels = new Set(ctx.settings.objectiveScale.map((l) => l.level));
  for (const key of securityObjectiveKeys) {
    const value = cell(key);
    if (value === undefined) continue;
    if (value === '') {
      delete objectives[key];
      continue;
    }
    if (!ctx.settings.enabledObjectives.includes(key)) {
      at(key, `The objective "${key}" is not enabled in this organisation`);
      continue;
    }
    const level = /^\d+$/.test(value) ? Number(value) : byName.get(value.toLowerCase());
    if (level === undefined || !levels.has(level)) {
      at(
        key,
        `"${value}" is not a level of the scale (${ctx.settings.objectiveScale.map((l) => `${l.level} ${l.name}`).join(', ')})`,
      );
      continue;
    }
    objectives[key] = level;
  }

  const tagsCell = cell('tags');
  const tags = tagsCell === undefined ? undefined : [...new Set(splitList(tagsCell))];
  if (tags?.some((t) => t.length > 100)) at('tags', 'A tag has at most 100 characters');
  if (tags && tags.length > 50) at('tags', 'At most 50 tags');
  const ownersCell = cell('owners');
  let ownerIds: string[] | undefined;
  if (ownersCell !== undefined) {
    ownerIds = [];
    for (const email of splitList(ownersCell)) {
      const id = lookups.memberByEmail.get(email.toLowerCase());
      if (id) ownerIds.push(id);
      else at('owners', `"${email}" is not the e-mail of a member of the organisation`);
    }
    ownerIds = [...new Set(ownerIds)];
  }

  const rto = minutesOf('rto_minutes');
  const rpo = minutesOf('rpo_minutes');
  const mtd = minutesOf('mtd_minutes');
  const resolvedName = name ?? existing?.name ?? null;
  if (!resolvedName) at('name', 'The name is required');
  const resolvedType = type ?? existing?.type;
  if (issues.length > 0 || !resolvedName || !resolvedType) return { values: null, issues };
  return {
    values: {
      refId: refId === undefined ? (existing?.refId ?? null) : refId,
      name: resolvedName,
      type: resolvedType,
      category: category === undefined ? ((existing?.category ?? null) as AssetValues['category']) : category,
      description: description === undefined ? (existing?.description ?? null) : description,
      folderId: folderId ?? existing?.folderId ?? defaultFolderId,
      businessValue: businessValue === undefined ? (existing?.businessValue ?? null) : businessValue,
      securityObjectives: objectives,
      rtoMinutes: rto === undefined ? (existing?.rtoMinutes ?? null) : rto,
      rpoMinutes: rpo === undefined ? (existing?.rpoMinutes ?? null) : rpo,
      mtdMinutes: mtd === undefined ? (existing?.mtdMinutes ?? null) : mtd,
      tags: tags ?? existing?.tags ?? [],
      ownerIds: ownerIds ?? existing?.ownerIds ?? [],
    },
    issues,
  };
}

/** "Root / IT/" and "root/it" name the same folder: names compare trimmed and case-insensitively. */
export const normalisePath = (path: string) =>
  path
    .split('/')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '')
    .join('/');

/** The fields whose values differ (owners compared as sets, tags in order as the export writes them). */
export function changedFields(before: ExistingAsset, after: AssetValues): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const sortedObjectives = (o: Record<string, number | undefined>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const fields: string[] = [];
  const plain = ['refId', 'name', 'type', 'category', 'description', 'folderId', 'businessValue'] as const;
  for (const f of plain) if ((before[f] ?? null) !== (after[f] ?? null)) fields.push(f);
  if (!same(sortedObjectives(before.securityObjectives), sortedObjectives(after.securityObjectives))) {
    fields.push('securityObjectives');
  }
  for (const f of ['rtoMinutes', 'rpoMinutes', 'mtdMinutes'] as const) if (before[f] !== after[f]) fields.push(f);
  if (!same(before.tags, after.tags)) fields.push('tags');
  if (!same([...before.ownerIds].sort(), [...after.ownerIds].sort())) fields.push('ownerIds');
  return fields;
}
