import { type SecurityObjectiveKey, securityObjectiveKeys } from '../tables.js';

/** The sheet the XLSX export writes and the import reads first. */
export const ASSETS_SHEET = 'Assets';

/** Columns of the inventory file, in the order the export writes them; objective columns sit after business_value. */
export const leadingColumns = [
  'ref_id',
  'name',
  'type',
  'category',
  'description',
  'folder',
  'business_value',
] as const;
export const trailingColumns = ['rto_minutes', 'rpo_minutes', 'mtd_minutes', 'tags', 'owners', 'supports'] as const;
export type FixedColumn = (typeof leadingColumns)[number] | (typeof trailingColumns)[number];
export type Column = FixedColumn | SecurityObjectiveKey;

/** Every header the import understands (objective columns of objectives not enabled are reported per cell). */
export const knownColumns = new Set<string>([...leadingColumns, ...securityObjectiveKeys, ...trailingColumns]);

export const exportColumns = (enabled: readonly SecurityObjectiveKey[]): Column[] => [
  ...leadingColumns,
  ...enabled,
  ...trailingColumns,
];

/** Separator of multi-valued cells (tags, owners, supports). */
export const LIST_SEPARATOR = ';';
export const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
