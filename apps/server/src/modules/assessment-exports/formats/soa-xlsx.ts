import { loadExcel } from '../../../platform/libraries.js';
import type { AssessmentHeader, ExportRow } from '../load.js';
import { summarise } from '../summary.js';
import { metadataEntries } from './metadata.js';
import { controlsText, soaHeaders, soaLines } from './soa.js';
import { keyValueSheet, styleHeaderRow } from './workbook-style.js';

export const SOA_SHEET = 'Statement of Applicability';
const widths = [14, 50, 12, 60, 50, 22];

/** The Statement of Applicability as a workbook: the assessment's facts, then one row per requirement. */
export async function soaToXlsx(header: AssessmentHeader, rows: ExportRow[], exportedAt: Date) {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Rampart';
  workbook.created = exportedAt;
  keyValueSheet(workbook.addWorksheet('Assessment'), metadataEntries(header, summarise(rows), exportedAt));
  const sheet = workbook.addWorksheet(SOA_SHEET, { pageSetup: { orientation: 'landscape', fitToWidth: 1 } });
  sheet.columns = soaHeaders.map((h, i) => ({ header: h, width: widths[i] }));
  for (const line of soaLines(rows)) {
    const row = sheet.addRow([
      line.refId,
      line.requirement,
      line.applicable ? 'Yes' : 'No',
      line.justification,
      controlsText(line),
      line.implementation,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (!line.applicable) row.getCell(3).font = { color: { argb: 'FF9C0006' } };
  }
  styleHeaderRow(sheet);
  sheet.pageSetup.printTitlesRow = '1:1';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: soaHeaders.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
