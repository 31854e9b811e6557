import type { Worksheet } from 'exceljs';
import { importanceValues } from '../../tables.js';
import { type IssueCollector, textOf } from './cells.js';
import { type RequirementColumnKey, requirementColumns } from './layout.js';

/** One row of the "requirements" sheet, checked cell by cell; the tree is built from these afterwards. */
export interface RequirementRow {
  row: number;
  urn: string | null;
  refId: string | null;
  parentRef: string | null;
  name: string;
  description: string | null;
  assessable: boolean | null;
  implementationGroups: string[];
  importance: (typeof importanceValues)[number] | null;
  typicalEvidence: string | null;
}

export interface SheetColumn {
  index: number;
  name: string;
}

export const MAX_REQUIREMENT_ROWS = 50_000;
const yes = new Set(['yes', 'y', 'true', '1', 'x']);
const no = new Set(['no', 'n', 'false', '0']);

/** Reads the requirements sheet by its header names (columns may be reordered or left out, but not Name). */
export function readRequirementsSheet(
  sheet: Worksheet,
  declaredGroups: Set<string>,
  issues: IssueCollector,
): { rows: RequirementRow[]; column: (key: RequirementColumnKey) => SheetColumn } {
  const headerRow = sheet.getRow(1);
  const index = new Map<RequirementColumnKey, number>();
  const byHeader = new Map(requirementColumns.map((c) => [c.header.toLowerCase(), c.key]));
  for (let c = 1; c <= headerRow.cellCount; c++) {
    const key = byHeader.get(textOf(headerRow.getCell(c).value).toLowerCase());
    if (key && !index.has(key)) index.set(key, c);
  }
  const column = (key: RequirementColumnKey) => ({
    index: index.get(key) ?? requirementColumns.findIndex((c) => c.key === key) + 1,
    name: requirementColumns.find((c) => c.key === key)?.header ?? key,
  });
  if (!index.has('name') || !(index.has('refId') || index.has('urn'))) {
    issues.add(sheet, 1, null, 'The header row needs the columns "Name" and "Ref ID" (or "URN")');
    return { rows: [], column };
  }
  if (sheet.rowCount > MAX_REQUIREMENT_ROWS + 1) {
    issues.add(sheet, 1, null, `More than ${MAX_REQUIREMENT_ROWS} requirements`);
    return { rows: [], column };
  }

  const rows: RequirementRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cell = (key: RequirementColumnKey) => {
      const c = index.get(key);
      return c ? textOf(row.getCell(c).value) : '';
    };
    if (requirementColumns.every((c) => cell(c.key) === '')) continue;
    const bounded = (key: RequirementColumnKey, max: number) => {
      const value = cell(key);
      if (value.length > max) issues.add(sheet, r, column(key), `At most ${max} characters`);
      return value === '' ? null : value;
    };
    const urn = bounded('urn', 300);
    if (urn && /\s/.test(urn)) issues.add(sheet, r, column('urn'), 'A URN has no spaces');
    const refId = bounded('refId', 100);
    if (!urn && !refId) issues.add(sheet, r, column('refId'), 'Each row needs a ref ID (or a URN)');
    const name = bounded('name', 200_000) ?? '';
    if (name === '') issues.add(sheet, r, column('name'), 'The name is required');

    const assessableText = cell('assessable').toLowerCase();
    let assessable: boolean | null = null;
    if (yes.has(assessableText)) assessable = true;
    else if (no.has(assessableText)) assessable = false;
    else if (assessableText !== '')
      issues.add(sheet, r, column('assessable'), `"${cell('assessable')}" is not yes or no`);

    const groups = cell('implementationGroups')
      .split(/[,;\n]/)
      .map((g) => g.trim())
      .filter(Boolean);
    for (const group of groups) {
      if (!declaredGroups.has(group)) {
        issues.add(sheet, r, column('implementationGroups'), `"${group}" is not declared on the framework sheet`);
      }
    }
    const importanceText = cell('importance')
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const importance = (importanceValues as readonly string[]).includes(importanceText)
      ? (importanceText as (typeof importanceValues)[number])
      : null;
    if (importanceText !== '' && !importance) {
      issues.add(
        sheet,
        r,
        column('importance'),
        `"${cell('importance')}" is not one of ${importanceValues.join(', ')}`,
      );
    }
    rows.push({
      row: r,
      urn,
      refId,
      parentRef: bounded('parentRefId', 300),
      name,
      description: bounded('description', 200_000),
      assessable,
      implementationGroups: [...new Set(groups)],
      importance,
      typicalEvidence: bounded('typicalEvidence', 200_000),
    });
  }
  if (rows.length === 0) issues.add(sheet, 2, null, 'The sheet lists no requirement');
  return { rows, column };
}
