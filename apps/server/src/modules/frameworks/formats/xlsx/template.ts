import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../../platform/libraries.js';
import {
  assessableValues,
  FRAMEWORK_SHEET,
  frameworkFields,
  GROUPS_HEADER,
  INSTRUCTIONS_SHEET,
  importanceOptions,
  REQUIREMENTS_SHEET,
  requirementColumns,
} from './layout.js';

const instructions = [
  'How to describe a framework in this workbook',
  '',
  '1. On the "framework" sheet, fill in column B: URN, ref ID, name and version are required.',
  '   A URN identifies the framework for good: urn:yourorg:framework:name, without spaces.',
  '   List the implementation groups (e.g. IG1, IG2 or LOW, HIGH) in the table below the fields, if any.',
  '2. On the "requirements" sheet, one row per requirement or heading, parents before or after their children.',
  '   - Ref ID identifies a row within the file; URN is optional (made from the framework URN and the ref ID).',
  '   - Parent ref ID: the ref ID (or URN) of the heading above it; empty for top-level rows.',
  '   - Name is required.',
  '   - Assessable: yes or no. Empty: rows without children are assessed, rows with children are headings.',
  '   - Implementation groups: ref IDs declared on the framework sheet, separated by commas.',
  '   - Importance: mandatory, recommended or nice_to_have (or empty).',
  '3. In Rampart, Library → Import, upload this file. Problems are reported by sheet, row and column, and',
  '   nothing is imported until the file is correct.',
  '',
  'Delete the example rows before importing your own framework.',
];

const header = (row: ExcelJS.Row) => {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
};

/** A drop-down on a column, rows 2..last (exceljs writes one validation per cell; a few hundred rows is small). */
function listOn(sheet: ExcelJS.Worksheet, column: number, values: readonly string[], last: number) {
  for (let row = 2; row <= last; row++) {
    sheet.getCell(row, column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      error: `Choose one of: ${values.join(', ')}`,
    };
  }
}

export const TEMPLATE_VALIDATED_ROWS = 1000;

/**
 * The framework template a person fills in to create a framework: instructions, a "framework" sheet with an
 * example and a "requirements" sheet with a small example tree, drop-downs on the constrained columns.
 */
export async function frameworkTemplateXlsx(): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Rampart';

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 110;
  for (const line of instructions) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };

  const fw = workbook.addWorksheet(FRAMEWORK_SHEET);
  fw.columns = [{ width: 30 }, { width: 50 }, { width: 50 }];
  header(fw.addRow(['Field', 'Value', 'Help']));
  const example: Record<string, string> = {
    urn: 'urn:example:framework:security-baseline',
    refId: 'SEC-BASE',
    name: 'Example security baseline',
    version: '1.0',
    provider: 'Example Ltd',
    description: 'A two-chapter example; replace it with your framework.',
  };
  for (const field of frameworkFields) {
    const row = fw.addRow([
      field.label,
      example[field.key] ?? '',
      `${field.required ? 'Required. ' : ''}${field.hint}`,
    ]);
    row.getCell(1).font = { bold: true };
  }
  fw.addRow([]);
  header(fw.addRow([...GROUPS_HEADER]));
  fw.addRow(['IG1', 'Essential', 'What every organisation should do']);
  fw.addRow(['IG2', 'Enhanced', '']);

  const req = workbook.addWorksheet(REQUIREMENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  req.columns = requirementColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  header(req.getRow(1));
  const rows = [
    { refId: '1', name: 'Governance', assessable: 'no' },
    {
      refId: '1.1',
      parentRefId: '1',
      name: 'Security policy',
      description: 'A security policy is approved and published.',
      implementationGroups: 'IG1, IG2',
      importance: 'mandatory',
      typicalEvidence: 'The approved policy',
    },
    {
      refId: '1.2',
      parentRefId: '1',
      name: 'Roles and responsibilities',
      implementationGroups: 'IG2',
      importance: 'recommended',
    },
    { refId: '2', name: 'Access control', assessable: 'no' },
    {
      refId: '2.1',
      parentRefId: '2',
      name: 'Multi-factor authentication',
      description: 'Remote access requires MFA.',
      implementationGroups: 'IG1, IG2',
      importance: 'mandatory',
    },
  ];
  for (const row of rows) req.addRow(row);
  const col = (key: string) => requirementColumns.findIndex((c) => c.key === key) + 1;
  listOn(req, col('assessable'), assessableValues, TEMPLATE_VALIDATED_ROWS);
  listOn(req, col('importance'), importanceOptions, TEMPLATE_VALIDATED_ROWS);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
