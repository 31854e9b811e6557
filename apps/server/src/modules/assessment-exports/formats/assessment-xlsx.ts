import { loadExcel } from '../../../platform/libraries.js';
import { columns, DATA_SHEET, INFO_SHEET, resultValues, statusValues, toSheetRow } from '../columns.js';
import type { AssessmentHeader, ExportRow } from '../load.js';
import { summarise } from '../summary.js';
import { metadataEntries } from './metadata.js';
import { keyValueSheet, listValidation, styleHeaderRow } from './workbook-style.js';

/**
 * The assessment as a workbook a person can fill in: the metadata sheet, then one row per requirement in tree
 * order with drop-downs on status and result. Headings are greyed; the file imports back as it is.
 */
export async function assessmentToXlsx(header: AssessmentHeader, rows: ExportRow[], exportedAt: Date) {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Rampart';
  workbook.created = exportedAt;
  keyValueSheet(workbook.addWorksheet(INFO_SHEET), metadataEntries(header, summarise(rows), exportedAt));

  const sheet = workbook.addWorksheet(DATA_SHEET);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) {
    const added = sheet.addRow(toSheetRow(row));
    added.alignment = { vertical: 'top', wrapText: true };
    if (!row.assessment) added.font = { bold: true, color: { argb: 'FF595959' } };
  }
  styleHeaderRow(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const lastRow = Math.max(rows.length + 1, 2);
  listValidation(sheet, columnNumber('status'), statusValues, lastRow);
  listValidation(sheet, columnNumber('result'), resultValues, lastRow);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const columnNumber = (key: (typeof columns)[number]['key']) => columns.findIndex((c) => c.key === key) + 1;
