import type { Worksheet } from 'exceljs';
import type { ImplementationGroupDefinition } from '../../tables.js';
import { type IssueCollector, textOf } from './cells.js';
import { type FrameworkFieldKey, frameworkFields, GROUPS_HEADER } from './layout.js';

export interface FrameworkSheet {
  fields: Partial<Record<FrameworkFieldKey, string>>;
  groups: ImplementationGroupDefinition[];
}

/**
 * Reads the "framework" sheet: fields by their label in column A (value in B), then the implementation groups
 * table under its header row. Rows are found by label, so a person may reorder or add blank rows.
 */
export function readFrameworkSheet(sheet: Worksheet, issues: IssueCollector): FrameworkSheet {
  const fields: Partial<Record<FrameworkFieldKey, string>> = {};
  const byLabel = new Map<string, (typeof frameworkFields)[number]>(
    frameworkFields.map((f) => [f.label.toLowerCase(), f]),
  );
  const groups: ImplementationGroupDefinition[] = [];
  const groupRows = new Map<string, number>();
  let inGroups = false;
  const valueColumn = { index: 2, name: 'Value' };

  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const label = textOf(row.getCell(1).value);
    if (label.toLowerCase() === GROUPS_HEADER[0].toLowerCase()) {
      inGroups = true;
      continue;
    }
    if (inGroups) {
      if (label === '') continue;
      const name = textOf(row.getCell(2).value);
      const description = textOf(row.getCell(3).value);
      if (label.length > 100) issues.add(sheet, r, { index: 1, name: GROUPS_HEADER[0] }, 'At most 100 characters');
      if (name === '')
        issues.add(sheet, r, { index: 2, name: GROUPS_HEADER[1] }, 'An implementation group needs a name');
      const earlier = groupRows.get(label);
      if (earlier !== undefined) {
        issues.add(sheet, r, { index: 1, name: GROUPS_HEADER[0] }, `"${label}" is already declared on row ${earlier}`);
      }
      groupRows.set(label, r);
      groups.push({ refId: label, name: name.slice(0, 300), description: description || null });
      continue;
    }
    const field = byLabel.get(label.toLowerCase());
    if (!field) continue;
    const value = textOf(row.getCell(2).value);
    if (value.length > field.max)
      issues.add(sheet, r, valueColumn, `${field.label} is longer than ${field.max} characters`);
    else if (field.key === 'urn' && /\s/.test(value)) issues.add(sheet, r, valueColumn, 'A URN has no spaces');
    if (value !== '') fields[field.key] = value;
  }
  for (const field of frameworkFields) {
    if (field.required && !fields[field.key]) {
      const row = rowOfLabel(sheet, field.label);
      issues.add(sheet, row ?? 1, row ? valueColumn : null, `${field.label} is required`);
    }
  }
  return { fields, groups };
}

function rowOfLabel(sheet: Worksheet, label: string): number | null {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (textOf(sheet.getRow(r).getCell(1).value).toLowerCase() === label.toLowerCase()) return r;
  }
  return null;
}
