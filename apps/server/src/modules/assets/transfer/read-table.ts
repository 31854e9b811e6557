import { parse } from 'csv-parse/sync';
import { loadExcel } from '../../../platform/libraries.js';
import { cellText } from './cell-text.js';
import { ASSETS_SHEET, type Column, knownColumns } from './columns.js';
import type { ImportIssue } from './issues.js';

/** One data row: its number as a spreadsheet shows it (header = row 1) and the cells of known columns. */
export interface TableRow {
  row: number;
  cells: Partial<Record<Column, string>>;
}
export interface ImportTable {
  format: 'xlsx' | 'csv';
  /** Columns the file has; a column left out changes nothing on existing assets. */
  present: Set<Column>;
  rows: TableRow[];
}

export class ImportFileError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'ImportFileError';
  }
}

export const MAX_ROWS = 20_000;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded XLSX or CSV (told apart by content, not by name). */
export async function readAssetTable(data: Buffer): Promise<ImportTable> {
  return data.subarray(0, 4).equals(ZIP_MAGIC) ? readXlsx(data) : readCsv(data);
}

/** Undoes the CSV export's formula guard (a leading apostrophe before = + - @). */
const undefuse = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

function columnsOfHeader(headers: string[]): (Column | null)[] {
  const keys = headers.map((h) => {
    const key = h.trim().toLowerCase().replace(/\s+/g, '_');
    return knownColumns.has(key) ? (key as Column) : null;
  });
  const issues: ImportIssue[] = [];
  if (!keys.includes('name') && !keys.includes('ref_id')) {
    issues.push({ row: 1, column: null, message: 'The header row has neither a "name" nor a "ref_id" column' });
  }
  const seen = new Set<Column>();
  keys.forEach((key, i) => {
    if (key && seen.has(key)) issues.push({ row: 1, column: headers[i] ?? null, message: 'This column appears twice' });
    if (key) seen.add(key);
  });
  if (issues.length > 0) throw new ImportFileError(issues);
  return keys;
}

function toRow(row: number, keys: (Column | null)[], values: string[]): TableRow | null {
  const cells: Partial<Record<Column, string>> = {};
  keys.forEach((key, i) => {
    if (key) cells[key] = values[i] ?? '';
  });
  return Object.values(cells).some((v) => v !== '') ? { row, cells } : null;
}

async function readXlsx(data: Buffer): Promise<ImportTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError([{ row: null, column: null, message: 'The file is not a readable XLSX workbook' }]);
  }
  const sheet = workbook.getWorksheet(ASSETS_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError([{ row: null, column: null, message: 'The workbook has no sheet' }]);
  if (sheet.rowCount > MAX_ROWS + 1) {
    throw new ImportFileError([{ row: null, column: null, message: `More than ${MAX_ROWS} rows` }]);
  }
  const header = sheet.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= header.cellCount; c++) headers.push(cellText(header.getCell(c).value));
  const keys = columnsOfHeader(headers);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const values = keys.map((_k, i) => cellText(row.getCell(i + 1).value));
    const parsed = toRow(number, keys, values);
    if (parsed) rows.push(parsed);
  });
  return { format: 'xlsx', present: new Set(keys.filter((k) => k !== null)), rows };
}

function readCsv(data: Buffer): ImportTable {
  let records: string[][];
  try {
    records = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false, to: MAX_ROWS + 1 });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    const message = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new ImportFileError([{ row: line, column: null, message: `The CSV cannot be read: ${message}` }]);
  }
  const [first, ...rest] = records;
  if (!first) throw new ImportFileError([{ row: null, column: null, message: 'The file is empty' }]);
  const keys = columnsOfHeader(first);
  const rows: TableRow[] = [];
  rest.forEach((record, index) => {
    const values = record.map((v) => undefuse(v.replace(/\r\n?/g, '\n').trim()));
    const parsed = toRow(index + 2, keys, values);
    if (parsed) rows.push(parsed);
  });
  return { format: 'csv', present: new Set(keys.filter((k) => k !== null)), rows };
}
