import type { MatrixDefinition } from '../../risk-matrices/index.js';
import { type HeatMap, textColourOn } from '../summary.js';
import { pdfText } from './pdf-text.js';
import { heatMapTitle } from './workbook.js';

type Doc = PDFKit.PDFDocument;

const AXIS = 12;
const LABEL = 58;
const TITLE = 18;

/**
 * One heat map drawn as vectors at (x, y) within `width`: probability rows (highest on top) against impact
 * columns, each cell in its risk level's colour with the number of scenarios rated there. Returns its height.
 */
export function drawHeatMap(doc: Doc, def: MatrixDefinition, map: HeatMap, x: number, y: number, width: number) {
  const cols = def.impact.length;
  const rows = def.probability.length;
  const cell = Math.min(44, (width - AXIS - LABEL) / cols);
  const cellHeight = Math.min(34, cell);
  const gridX = x + AXIS + LABEL;
  const gridY = y + TITLE;

  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000000').text(heatMapTitle(map.kind), x, y, { width });
  for (let r = 0; r < rows; r++) {
    const p = rows - 1 - r;
    const top = gridY + r * cellHeight;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#000000')
      .text(pdfText(def.probability[p]?.name ?? ''), x + AXIS, top + cellHeight / 2 - 8, {
        width: LABEL - 4,
        height: cellHeight,
        align: 'right',
        ellipsis: true,
      });
    for (let i = 0; i < cols; i++) {
      const left = gridX + i * cell;
      const colour = def.risk[def.grid[p]?.[i] ?? -1]?.color ?? '#FFFFFF';
      doc.save().rect(left, top, cell, cellHeight).fillAndStroke(colour, '#FFFFFF').restore();
      const count = map.counts[p]?.[i] ?? 0;
      doc
        .font('Helvetica-Bold')
        .fontSize(count > 0 ? 11 : 8)
        .fillColor(textColourOn(colour))
        .text(count > 0 ? String(count) : '·', left, top + cellHeight / 2 - 5, { width: cell, align: 'center' });
    }
  }
  const gridBottom = gridY + rows * cellHeight;
  def.impact.forEach((point, i) => {
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#000000')
      .text(pdfText(point.name), gridX + i * cell, gridBottom + 3, { width: cell, align: 'center', height: 18 });
  });
  doc
    .font('Helvetica-Oblique')
    .fontSize(8)
    .text('Impact', gridX, gridBottom + 22, { width: cell * cols, align: 'center' });
  // The probability axis label reads bottom to top, beside the row labels.
  doc.save();
  doc.rotate(-90, { origin: [x + 2, gridY + (rows * cellHeight) / 2] });
  doc
    .font('Helvetica-Oblique')
    .fontSize(8)
    .text('Probability', x + 2 - 40, gridY + (rows * cellHeight) / 2 - 4, { width: 80, align: 'center' });
  doc.restore();
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#595959')
    .text(`Not rated: ${map.notRated}`, x, gridBottom + 36, { width });
  doc.fillColor('#000000');
  return gridBottom + 48 - y;
}
