import type { Worksheet } from 'exceljs';

/** The look shared by every workbook Rampart writes: a bold, filled header row that stays in view. */
export function styleHeaderRow(sheet: Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 22;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** A drop-down of allowed values on every cell of a column, rows 2..lastRow (and blank accepted). */
export function listValidation(sheet: Worksheet, column: number, values: readonly string[], lastRow: number) {
  const formula = `"${values.join(',')}"`;
  for (let row = 2; row <= lastRow; row++) {
    sheet.getCell(row, column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: 'Not an allowed value',
      error: `Choose one of: ${values.join(', ')}`,
    };
  }
}

/** A key/value sheet (metadata, instructions): labels in bold in the first column. */
export function keyValueSheet(sheet: Worksheet, entries: [string, string | number | null][]) {
  sheet.columns = [{ width: 28 }, { width: 90 }];
  for (const [key, value] of entries) {
    const row = sheet.addRow([key, value ?? '']);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}
