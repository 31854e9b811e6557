import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../platform/libraries.js';
import { riskTreatments, strengthOfKnowledgeValues } from '../../risk-assessments/index.js';
import type { MatrixDefinition } from '../../risk-matrices/index.js';
import {
  ABOUT_SHEET,
  type ColumnKey,
  columnNumber,
  HEAT_MAPS_SHEET,
  MATRIX_SHEET,
  ratingKinds,
  SCENARIOS_SHEET,
  scenarioCells,
  scenarioColumns,
} from '../columns.js';
import type { RiskHeader, ScenarioRecord } from '../register-lookups.js';
import { argb, type HeatMap, heatMaps, textColourOn } from '../summary.js';
import { aboutEntries } from './about.js';

const HEADER_FILL = 'FF1F4E79';
const thin = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The register as a workbook: "Scenarios" (imports back), "Heat maps" (three coloured grids with counts),
 * "Matrix" (scales, levels, grid) and "About" (the assessment and the export).
 */
export async function registerToXlsx(header: RiskHeader, scenarios: ScenarioRecord[], exportedAt: Date) {
  const def = header.matrix.definition;
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Rampart';
  workbook.created = exportedAt;
  scenariosSheet(workbook.addWorksheet(SCENARIOS_SHEET), def, scenarios);
  heatMapsSheet(workbook.addWorksheet(HEAT_MAPS_SHEET), def, heatMaps(def, scenarios));
  matrixSheet(workbook.addWorksheet(MATRIX_SHEET), def);
  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 24 }, { width: 80 }];
  for (const [key, value] of aboutEntries(header, exportedAt)) {
    const row = about.addRow([key, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fillLevel(cell: ExcelJS.Cell, def: MatrixDefinition, level: number) {
  const colour = def.risk[level]?.color;
  if (!colour) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } };
  cell.font = { color: { argb: argb(textColourOn(colour)) }, bold: true };
}

function scenariosSheet(sheet: ExcelJS.Worksheet, def: MatrixDefinition, scenarios: ScenarioRecord[]) {
  sheet.columns = scenarioColumns.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  for (const s of scenarios) {
    const row = sheet.addRow(scenarioCells(s, def));
    row.alignment = { vertical: 'top', wrapText: true };
    for (const kind of ratingKinds) fillLevel(row.getCell(columnNumber(`${kind}_level`)), def, s[kind].level);
    if (s.flagged) row.getCell(columnNumber('flagged')).font = { bold: true, color: { argb: 'FF9C0006' } };
  }
  const head = sheet.getRow(1);
  head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  head.height = 20;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: scenarioColumns.length } };
  // Drop-downs help a person filling the sheet in; the import also accepts abbreviations and numbers.
  const lastRow = Math.max(scenarios.length + 1, 50);
  const lists: [ColumnKey, string[]][] = [
    ['treatment', [...riskTreatments]],
    ['strength_of_knowledge', [...strengthOfKnowledgeValues]],
    ...ratingKinds.flatMap((kind): [ColumnKey, string[]][] => [
      [`${kind}_probability`, def.probability.map((p) => p.name)],
      [`${kind}_impact`, def.impact.map((p) => p.name)],
    ]),
  ];
  for (const [key, values] of lists) {
    const formula = `"${values.map((v) => v.replace(/[",]/g, ' ')).join(',')}"`;
    // Excel refuses list formulas longer than 255 characters: long scale names go without a drop-down.
    if (formula.length > 255) continue;
    for (let r = 2; r <= lastRow; r++) {
      sheet.getCell(r, columnNumber(key)).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: false,
      };
    }
  }
}

export const heatMapTitle = (kind: string) => `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)} risk`;

/** Three grids one under the other: probability rows (highest first), impact columns, counts in level colours. */
function heatMapsSheet(sheet: ExcelJS.Worksheet, def: MatrixDefinition, maps: HeatMap[]) {
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 22;
  for (let c = 3; c < 3 + def.impact.length; c++) sheet.getColumn(c).width = 16;
  let r = 1;
  for (const map of maps) {
    const title = sheet.getCell(r, 1);
    title.value = heatMapTitle(map.kind);
    title.font = { bold: true, size: 13 };
    r++;
    sheet.getCell(r, 1).value = 'Probability';
    sheet.getCell(r, 1).font = { italic: true };
    for (let p = def.probability.length - 1; p >= 0; p--) {
      sheet.getCell(r, 2).value = def.probability[p]?.name ?? '';
      sheet.getCell(r, 2).font = { bold: true };
      sheet.getCell(r, 2).border = border;
      def.impact.forEach((_, i) => {
        const cell = sheet.getCell(r, 3 + i);
        cell.value = map.counts[p]?.[i] ?? 0;
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        cell.border = border;
        fillLevel(cell, def, def.grid[p]?.[i] ?? -1);
      });
      sheet.getRow(r).height = 24;
      r++;
    }
    def.impact.forEach((point, i) => {
      const cell = sheet.getCell(r, 3 + i);
      cell.value = point.name;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', wrapText: true };
    });
    r++;
    sheet.getCell(r, 3).value = 'Impact';
    sheet.getCell(r, 3).font = { italic: true };
    sheet.getCell(r + 1, 1).value = 'Not rated';
    sheet.getCell(r + 1, 2).value = map.notRated;
    r += 3;
  }
}

function matrixSheet(sheet: ExcelJS.Worksheet, def: MatrixDefinition) {
  sheet.columns = [{ width: 22 }, { width: 16 }, { width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }];
  const heading = (text: string) => {
    const row = sheet.addRow([text]);
    row.font = { bold: true, size: 13 };
  };
  const tableHead = (cells: string[]) => {
    const row = sheet.addRow(cells);
    row.font = { bold: true };
  };
  for (const [title, scale] of [
    ['Probability', def.probability],
    ['Impact', def.impact],
  ] as const) {
    heading(title);
    tableHead(['Number', 'Abbreviation', 'Name', 'Description']);
    scale.forEach((point, i) => {
      sheet.addRow([i + 1, point.abbreviation, point.name, point.description ?? '']);
    });
    sheet.addRow([]);
  }
  heading('Risk levels');
  tableHead(['Number', 'Abbreviation', 'Name', 'Colour', 'Description']);
  def.risk.forEach((level, i) => {
    const row = sheet.addRow([i + 1, level.abbreviation, level.name, level.color, level.description ?? '']);
    fillLevel(row.getCell(3), def, i);
  });
  sheet.addRow([]);
  heading('Grid (probability × impact → risk level)');
  tableHead(['Probability \\ Impact', ...def.impact.map((p) => p.name)]);
  for (let p = def.probability.length - 1; p >= 0; p--) {
    const levels = def.grid[p] ?? [];
    const row = sheet.addRow([def.probability[p]?.name ?? '', ...levels.map((l) => def.risk[l]?.name ?? '')]);
    row.getCell(1).font = { bold: true };
    levels.forEach((l, i) => {
      fillLevel(row.getCell(2 + i), def, l);
    });
  }
}
