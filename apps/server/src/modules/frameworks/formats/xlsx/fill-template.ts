import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../../platform/libraries.js';
import { frameworkTemplateXlsx } from './template.js';

/** Test helper: the downloaded template with its example replaced by these rows, as a person would fill it. */
export async function fillTemplate(input: {
  framework: Record<string, string>;
  groups?: [string, string][];
  requirements: Record<string, string>[];
}): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load((await frameworkTemplateXlsx()) as unknown as ArrayBuffer);
  const fw = workbook.getWorksheet('framework') as ExcelJS.Worksheet;
  let groupsHeader = 0;
  fw.eachRow((row, n) => {
    const label = String(row.getCell(1).value ?? '');
    if (label in input.framework) row.getCell(2).value = input.framework[label] ?? '';
    if (label === 'Implementation group ref ID') groupsHeader = n;
  });
  for (let r = groupsHeader + 1; r <= fw.rowCount; r++) fw.getRow(r).values = [];
  (input.groups ?? []).forEach(([refId, name], i) => {
    fw.getRow(groupsHeader + 1 + i).values = [refId, name];
  });
  const sheet = workbook.getWorksheet('requirements') as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (let r = 2; r <= sheet.rowCount; r++) sheet.getRow(r).values = [];
  input.requirements.forEach((req, i) => {
    sheet.getRow(i + 2).values = headers.map((h) => req[h] ?? null);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
