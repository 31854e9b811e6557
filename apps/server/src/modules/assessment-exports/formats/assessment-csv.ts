import { stringify } from 'csv-stringify/sync';
import { columns, toSheetRow } from '../columns.js';
import type { ExportRow } from '../load.js';

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection") gets a leading apostrophe; the import
 * removes it again, so the round trip keeps the text.
 */
export const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The same columns as the XLSX data sheet, with a header row, UTF-8 with a BOM so Excel reads accents. */
export function assessmentToCsv(rows: ExportRow[]): string {
  const records = rows.map((row) => {
    const cells = toSheetRow(row);
    return columns.map((c) => {
      const value = cells[c.key];
      return typeof value === 'number' ? String(value) : defuse(value);
    });
  });
  return `\uFEFF${stringify(records, { header: true, columns: columns.map((c) => c.header) })}`;
}
