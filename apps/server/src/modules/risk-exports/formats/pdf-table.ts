import { pdfText } from './pdf-text.js';

type Doc = PDFKit.PDFDocument;

export const MARGIN = 40;
export const FOOTER_SPACE = 20;
const FONT_SIZE = 8;
const PAD = 4;
const CHIP = 8;
const MAX_CELL_HEIGHT = 120;

/** A table cell: text, optionally after a colour chip (a risk level's colour). */
export interface PdfCell {
  text: string;
  chip?: string | null;
}
export interface PdfColumn {
  header: string;
  width: number;
}

const bottomOf = (doc: Doc) => doc.page.height - MARGIN - FOOTER_SPACE;
const textWidth = (column: PdfColumn, cell: PdfCell) => column.width - 2 * PAD - (cell.chip ? CHIP + 4 : 0);

/**
 * Draws a table from the current position: rows break between pages and the header row repeats on each page.
 * A cell taller than MAX_CELL_HEIGHT is cut with an ellipsis so one long text cannot swallow pages.
 */
export function drawTable(doc: Doc, columns: PdfColumn[], rows: PdfCell[][]) {
  const header = columns.map((c) => ({ text: c.header }));
  let y = doc.y;
  if (y + 40 > bottomOf(doc)) {
    doc.addPage();
    y = MARGIN;
  }
  y += drawRow(doc, columns, header, y, true);
  for (const raw of rows) {
    const cells = raw.map((cell, i) => ({ ...cell, text: clip(doc, pdfText(cell.text), columns[i], cell) }));
    const height = rowHeight(doc, columns, cells, false);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = MARGIN + drawRow(doc, columns, header, MARGIN, true);
    }
    y += drawRow(doc, columns, cells, y, false);
  }
  doc.x = MARGIN;
  doc.y = y + 12;
}

function rowHeight(doc: Doc, columns: PdfColumn[], cells: PdfCell[], bold: boolean) {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  const heights = cells.map((cell, i) => {
    const column = columns[i];
    return column ? doc.heightOfString(cell.text || ' ', { width: textWidth(column, cell) }) : 0;
  });
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(doc: Doc, columns: PdfColumn[], cells: PdfCell[], y: number, isHeader: boolean) {
  const height = rowHeight(doc, columns, cells, isHeader);
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  if (isHeader) doc.save().rect(MARGIN, y, total, height).fill('#1F4E79').restore();
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const column = columns[i];
    if (!column) return;
    doc.save().lineWidth(0.5).strokeColor('#A6A6A6').rect(x, y, column.width, height).stroke().restore();
    let textX = x + PAD;
    if (cell.chip) {
      doc
        .save()
        .rect(textX, y + PAD + 0.5, CHIP, CHIP)
        .fill(cell.chip)
        .restore();
      textX += CHIP + 4;
    }
    doc
      .fillColor(isHeader ? '#FFFFFF' : '#000000')
      .font(isHeader ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT_SIZE)
      .text(cell.text, textX, y + PAD, { width: textWidth(column, cell) });
    x += column.width;
  });
  doc.fillColor('#000000');
  return height;
}

function clip(doc: Doc, text: string, column: PdfColumn | undefined, cell: PdfCell) {
  if (!column) return text;
  const width = textWidth(column, cell);
  doc.font('Helvetica').fontSize(FONT_SIZE);
  if (doc.heightOfString(text || ' ', { width }) <= MAX_CELL_HEIGHT) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.heightOfString(`${text.slice(0, mid)}…`, { width }) <= MAX_CELL_HEIGHT) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** "Page n of m" on every page, once the page count is known. */
export function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Text inside the bottom margin would otherwise make PDFKit open a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#595959')
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('#000000');
}
