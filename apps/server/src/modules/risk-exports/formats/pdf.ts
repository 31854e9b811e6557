import { loadPdfDocument } from '../../../platform/libraries.js';
import type { RiskHeader, ScenarioRecord } from '../register-lookups.js';
import { heatMaps, summarise, treatmentPlan } from '../summary.js';
import { aboutEntries } from './about.js';
import { drawHeatMap } from './pdf-heat-map.js';
import { drawTable, MARGIN, type PdfCell, pageNumbers } from './pdf-table.js';
import { pdfText } from './pdf-text.js';

type Doc = PDFKit.PDFDocument;
const CONTENT_WIDTH = 842 - 2 * MARGIN;

/**
 * The risk assessment as a PDF report (A4 landscape): the assessment's facts and summary figures, the three heat
 * maps drawn as coloured grids, the scenario table with level colour chips, and the treatment plan.
 */
export async function registerToPdf(
  header: RiskHeader,
  scenarios: ScenarioRecord[],
  exportedAt: Date,
): Promise<Buffer> {
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: pdfText(`Risk assessment — ${header.name}`),
      Author: pdfText(header.organizationName),
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

  titlePage(doc, header, scenarios, exportedAt);
  doc.addPage();
  heading(doc, 'Heat maps');
  const def = header.matrix.definition;
  const width = (CONTENT_WIDTH - 40) / 3;
  const top = doc.y;
  const heights = heatMaps(def, scenarios).map((map, n) =>
    drawHeatMap(doc, def, map, MARGIN + n * (width + 20), top, width),
  );
  doc.x = MARGIN;
  doc.y = top + Math.max(...heights) + 10;
  legend(doc, header);
  doc.addPage();
  heading(doc, 'Scenarios');
  scenarioTable(doc, header, scenarios);
  heading(doc, 'Treatment plan');
  planTable(doc, scenarios);
  pageNumbers(doc);
  doc.end();
  return done;
}

function heading(doc: Doc, text: string) {
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1F4E79').text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.fillColor('#000000').moveDown(0.4);
}

function facts(doc: Doc, entries: [string, string | number][]) {
  for (const [label, value] of entries) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).text(label, MARGIN, y, { width: 160 });
    const after = doc.y;
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(pdfText(String(value)) || '—', MARGIN + 170, y, { width: CONTENT_WIDTH - 170 });
    doc.y = Math.max(doc.y, after);
    doc.moveDown(0.2);
  }
}

function titlePage(doc: Doc, header: RiskHeader, scenarios: ScenarioRecord[], exportedAt: Date) {
  doc.font('Helvetica-Bold').fontSize(24).text('Risk assessment report');
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(14).text(pdfText(header.name));
  doc.fontSize(11).fillColor('#595959').text(pdfText(header.organizationName)).fillColor('#000000');
  doc.moveDown(1);
  // Ids and format details belong in the workbook, not on a page people read.
  const hidden = new Set([
    'Risk assessment ID',
    'Organisation',
    'Record version',
    'Exported at',
    'File format version',
  ]);
  facts(
    doc,
    aboutEntries(header, exportedAt).filter(([label]) => !hidden.has(label)),
  );
  facts(doc, [['Date', exportedAt.toISOString().slice(0, 10)]]);
  doc.moveDown(0.8);
  heading(doc, 'Summary');
  const def = header.matrix.definition;
  const summary = summarise(def, scenarios);
  facts(doc, [
    ['Scenarios', summary.scenarios],
    ['Flagged (above tolerance)', summary.flagged],
    ...def.risk.map((level, i): [string, number] => [`Current level: ${level.name}`, summary.byCurrentLevel[i] ?? 0]),
    ['Current level: not rated', summary.currentNotRated],
    [
      'Treatment',
      Object.entries(summary.byTreatment)
        .map(([treatment, n]) => `${treatment} ${n}`)
        .join(', ') || '—',
    ],
  ]);
}

function legend(doc: Doc, header: RiskHeader) {
  let x = MARGIN;
  const y = doc.y;
  doc.font('Helvetica').fontSize(8);
  for (const level of header.matrix.definition.risk) {
    const label = pdfText(level.name);
    doc.save().rect(x, y, 10, 10).fill(level.color).restore();
    doc.fillColor('#000000').text(label, x + 14, y + 1, { lineBreak: false });
    x += 14 + doc.widthOfString(label) + 16;
  }
  doc.x = MARGIN;
  doc.y = y + 20;
}

function levelCell(header: RiskHeader, level: number): PdfCell {
  const point = header.matrix.definition.risk[level];
  return point ? { text: point.name, chip: point.color } : { text: 'not rated' };
}

function scenarioTable(doc: Doc, header: RiskHeader, scenarios: ScenarioRecord[]) {
  if (scenarios.length === 0) {
    doc.font('Helvetica').fontSize(10).text('No scenario yet.', MARGIN, doc.y).moveDown(1);
    return;
  }
  drawTable(
    doc,
    [
      { header: 'Ref', width: 60 },
      { header: 'Scenario', width: 240 },
      { header: 'Current', width: 92 },
      { header: 'Residual', width: 92 },
      { header: 'Treatment', width: 70 },
      { header: 'Owner', width: 150 },
      { header: 'Flagged', width: 58 },
    ],
    scenarios.map((s) => [
      { text: s.refId ?? '' },
      { text: s.name },
      levelCell(header, s.current.level),
      levelCell(header, s.residual.level),
      { text: s.treatment },
      { text: s.owner?.email ?? '' },
      { text: s.flagged ? 'yes' : '' },
    ]),
  );
}

function planTable(doc: Doc, scenarios: ScenarioRecord[]) {
  const plan = treatmentPlan(scenarios);
  if (plan.length === 0) {
    doc.font('Helvetica').fontSize(10).text('No planned control.', MARGIN, doc.y);
    return;
  }
  drawTable(
    doc,
    [
      { header: 'Ref', width: 70 },
      { header: 'Planned control', width: 260 },
      { header: 'Status', width: 80 },
      { header: 'ETA', width: 80 },
      { header: 'Scenarios treated', width: 272 },
    ],
    plan.map((c) => [
      { text: c.refId ?? '' },
      { text: c.name },
      { text: c.status.replace(/_/g, ' ') },
      { text: c.eta ?? '' },
      { text: c.scenarios.join(', ') },
    ]),
  );
}
