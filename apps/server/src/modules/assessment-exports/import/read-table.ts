import { parse } from 'csv-parse/sync';
import { loadExcel } from '../../../platform/libraries.js';
import { type ColumnKey, columns, DATA_SHEET } from '../columns.js';
import { cellText } from './cell-text.js';
import type { ImportIssue } from './issues.js';

/** One data row of an uploaded file: where it is, and the cells of the columns the file has. */
export interface TableRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}
export interface ImportTable {
  sheet: string;
  format: 'xlsx' | 'csv';
  /** The columns the file has; a column left out is not changed by the import. */
  present: Set<ColumnKey>;
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

/** Reads an uploaded XLSX or CSV (told apart by content, not by name) into located rows keyed by column. */
export async function readImportTable(data: Buffer): Promise<ImportTable> {
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(data);
  return readCsv(data);
}

const headerKey = new Map<string, ColumnKey>(columns.map((c) => [c.header.toLowerCase(), c.key]));
/** Undoes the CSV export's formula guard (a leading apostrophe before = + - @). */
const undefuse = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

function keysOfHeader(sheet: string, headers: string[]) {
  const keys: (ColumnKey | null)[] = headers.map((h) => headerKey.get(h.trim().toLowerCase()) ?? null);
  const issues: ImportIssue[] = [];
  if (!keys.includes('urn')) {
    issues.push({ sheet, row: 1, column: null, message: 'The header row has no "Requirement URN" column' });
  }
  const seen = new Set<ColumnKey>();
  keys.forEach((key, i) => {
    if (key && seen.has(key)) {
      issues.push({ sheet, row: 1, column: headers[i] ?? null, message: 'This column appears twice' });
    }
    if (key) seen.add(key);
  });
  if (issues.length > 0) throw new ImportFileError(issues);
  return keys;
}

async function readXlsx(data: Buffer): Promise<ImportTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError([
      { sheet: '', row: null, column: null, message: 'The file is not a readable XLSX workbook' },
    ]);
  }
  const sheet =
    workbook.getWorksheet(DATA_SHEET) ??
    workbook.worksheets.find((ws) => cellText(ws.getCell(1, 1).value).toLowerCase() === 'requirement urn');
  if (!sheet) {
    throw new ImportFileError([
      { sheet: DATA_SHEET, row: null, column: null, message: `The workbook has no "${DATA_SHEET}" sheet` },
    ]);
  }
  if (sheet.rowCount > MAX_ROWS + 1) {
    throw new ImportFileError([{ sheet: sheet.name, row: null, column: null, message: `More than ${MAX_ROWS} rows` }]);
  }
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) headers.push(cellText(headerRow.getCell(c).value));
  const keys = keysOfHeader(sheet.name, headers);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Partial<Record<ColumnKey, string>> = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return { sheet: sheet.name, format: 'xlsx', present: new Set(keys.filter((k) => k !== null)), rows };
}

function readCsv(data: Buffer): ImportTable {
  const sheet = 'csv';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(data, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: MAX_ROWS + 1,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    const message = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new ImportFileError([{ sheet, row: line, column: null, message: `The CSV cannot be read: ${message}` }]);
  }
  const [first, ...rest] = records;
  if (!first) throw new ImportFileError([{ sheet, row: null, column: null, message: 'The file is empty' }]);
  const keys = keysOfHeader(sheet, first.record);
  const rows: TableRow[] = [];
  rest.forEach(({ record }, index) => {
    const cells: Partial<Record<ColumnKey, string>> = {};
    keys.forEach((key, i) => {
      if (key) cells[key] = undefuse((record[i] ?? '').replace(/\r\n?/g, '\n').trim());
    });
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: index + 2, cells });
  });
  return { sheet, format: 'csv', present: new Set(keys.filter((k) => k !== null)), rows };
}
