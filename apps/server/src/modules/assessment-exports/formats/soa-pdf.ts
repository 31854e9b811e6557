import { loadPdfDocument } from '../../../platform/libraries.js';
import type { AssessmentHeader, ExportRow } from '../load.js';
import { summarise } from '../summary.js';
import { winAnsi } from './pdf-text.js';
import { controlsText, type SoaLine, soaHeaders, soaLines } from './soa.js';

const MARGIN = 40;
const FONT_SIZE = 8;
const PAD = 4;
/** A4 landscape is 842 pt wide: the six columns share the width between the margins (762 pt). */
const widths = [60, 170, 56, 196, 170, 110];
const FOOTER_SPACE = 20;

type Doc = PDFKit.PDFDocument;

/**
 * The Statement of Applicability as a PDF: a title page (organisation, assessment, framework, date and the
 * summary), then the table, which breaks between rows and repeats its header on every page, and page numbers.
 */
export async function soaToPdf(header: AssessmentHeader, rows: ExportRow[], exportedAt: Date): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: winAnsi(`Statement of Applicability — ${header.name}`),
      Author: winAnsi(header.organizationName),
      Creator: 'Rampart',
      CreationDate: exportedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, header, rows, exportedAt);
  doc.addPage();
  table(doc, soaLines(rows));
  pageNumbers(doc);
  doc.end();
  return done;
}

function titlePage(doc: Doc, header: AssessmentHeader, rows: ExportRow[], exportedAt: Date) {
  const summary = summarise(rows);
  doc.font('Helvetica-Bold').fontSize(26).text('Statement of Applicability', { align: 'left' });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(14).text(winAnsi(header.organizationName));
  doc.moveDown(1.5);
  const facts: [string, string][] = [
    ['Assessment', header.name],
    ['Framework', `${header.framework.name} (version ${header.framework.frameworkVersion})`],
    ['Framework URN', header.framework.urn],
    ['Assessment status', header.status.replace(/_/g, ' ')],
    ['Date', exportedAt.toISOString().slice(0, 10)],
    ['Requirements', String(summary.requirements)],
    ['Applicable', String(summary.requirements - summary.byResult.not_applicable)],
    ['Not applicable', String(summary.byResult.not_applicable)],
    ['Implemented', String(summary.byResult.compliant)],
    ['Partially implemented', String(summary.byResult.partially_compliant)],
    ['Not implemented', String(summary.byResult.non_compliant)],
    ['Not assessed', String(summary.byResult.not_assessed)],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).text(label, MARGIN, y, { width: 160 });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(winAnsi(value), MARGIN + 170, y, { width: 560 });
    doc.moveDown(0.4);
  }
}

const cellsOf = (line: SoaLine) => [
  line.refId,
  line.requirement,
  line.applicable ? 'Yes' : 'No',
  line.justification,
  controlsText(line),
  line.implementation,
];

function table(doc: Doc, lines: SoaLine[]) {
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const headerHeight = drawRow(doc, [...soaHeaders], doc.y, true);
  const top = MARGIN + headerHeight;
  let y = top;
  // A row taller than a page is cut (with an ellipsis) so the table never loses its structure.
  const maxTextHeight = bottom() - top - 2 * PAD;
  doc.font('Helvetica').fontSize(FONT_SIZE);
  for (const line of lines) {
    const cells = cellsOf(line).map((text, i) =>
      fitText(doc, winAnsi(text), (widths[i] ?? 0) - 2 * PAD, maxTextHeight),
    );
    const height = rowHeight(doc, cells, false);
    if (y + height > bottom() && y > top) {
      doc.addPage();
      y = MARGIN + drawRow(doc, [...soaHeaders], MARGIN, true);
    }
    y += drawRow(doc, cells, y, false);
  }
  if (lines.length === 0)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text('No requirement in scope.', MARGIN, y + 10);
}

function rowHeight(doc: Doc, cells: string[], bold: boolean) {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  return (
    Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) +
    2 * PAD
  );
}

/** Draws one row at `y` with cell borders; returns its height. */
function drawRow(doc: Doc, cells: string[], y: number, isHeader: boolean) {
  const height = rowHeight(doc, cells, isHeader);
  let x = MARGIN;
  const total = widths.reduce((a, b) => a + b, 0);
  if (isHeader) doc.save().rect(MARGIN, y, total, height).fill('#1F4E79').restore();
  cells.forEach((text, i) => {
    const width = widths[i] ?? 0;
    doc.save().lineWidth(0.5).strokeColor('#A6A6A6').rect(x, y, width, height).stroke().restore();
    doc
      .fillColor(isHeader ? '#FFFFFF' : '#000000')
      .font(isHeader ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT_SIZE)
      .text(text, x + PAD, y + PAD, { width: width - 2 * PAD, lineBreak: true });
    x += width;
  });
  doc.fillColor('#000000');
  return height;
}

/** Shortens `text` until it fits `maxHeight` at `width`, ending with an ellipsis when cut. */
function fitText(doc: Doc, text: string, width: number, maxHeight: number) {
  doc.font('Helvetica').fontSize(FONT_SIZE);
  if (doc.heightOfString(text || ' ', { width }) <= maxHeight) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.heightOfString(`${text.slice(0, mid)}…`, { width }) <= maxHeight) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** "Page n of m" on every page; written after layout, when the page count is known. */
function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
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
  doc.flushPages();
}
