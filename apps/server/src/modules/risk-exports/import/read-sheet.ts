import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../platform/libraries.js';
import { type ColumnKey, columnKeys, SCENARIOS_SHEET } from '../columns.js';

export const MAX_ROWS = 5000;

/** A problem located as a person looks for it in the workbook: row number (1 = header) and column header. */
export interface LocatedError {
  row: number | null;
  column: string | null;
  message: string;
}

export class ImportFileError extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors[0]?.message ?? 'The file cannot be read');
  }
}

export interface ImportRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}
export interface ImportTable {
  sheet: string;
  /** Columns the sheet has: a column left out is not changed on existing scenarios. */
  present: Set<ColumnKey>;
  rows: ImportRow[];
}

/** "Ref ID", "ref-id" and "ref_id" name the same column. */
const headerKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const known = new Set<string>(columnKeys);

/** The text a person sees in a cell, whatever exceljs made of it (rich text, hyperlinks, formulas, numbers). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return cellText(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return cellText(value.text);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  }
  return '';
}

/** Reads the "Scenarios" sheet of an uploaded workbook into rows keyed by column, numbered as Excel shows them. */
export async function readScenarioSheet(data: Buffer): Promise<ImportTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError([{ row: null, column: null, message: 'The file is not a readable XLSX workbook' }]);
  }
  const sheet = workbook.getWorksheet(SCENARIOS_SHEET);
  if (!sheet) {
    throw new ImportFileError([{ row: null, column: null, message: `The workbook has no "${SCENARIOS_SHEET}" sheet` }]);
  }
  if (sheet.actualRowCount > MAX_ROWS + 1) {
    throw new ImportFileError([{ row: null, column: null, message: `The sheet has more than ${MAX_ROWS} rows` }]);
  }
  const headerRow = sheet.getRow(1);
  const keys: (ColumnKey | null)[] = [];
  const errors: LocatedError[] = [];
  const seen = new Set<string>();
  for (let c = 1; c <= headerRow.cellCount; c++) {
    const key = headerKey(cellText(headerRow.getCell(c).value));
    if (known.has(key) && seen.has(key)) errors.push({ row: 1, column: key, message: 'This column appears twice' });
    seen.add(key);
    keys.push(known.has(key) ? (key as ColumnKey) : null);
  }
  if (!keys.includes('name')) errors.push({ row: 1, column: null, message: 'The header row has no "name" column' });
  if (errors.length > 0) throw new ImportFileError(errors);

  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Partial<Record<ColumnKey, string>> = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return { sheet: sheet.name, present: new Set(keys.filter((k) => k !== null)), rows };
}
