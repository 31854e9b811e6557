import ExcelJS from 'exceljs';
import type { TestContext } from '../../test/app.js';
import { createOrgWithOwner } from '../../test/factories.js';
import { cellText } from './import/read-sheet.js';
import {
  createAsset,
  createControl,
  createMatrix,
  createRiskAssessment,
  createScenario,
  createThreat,
} from './testing.js';

/** Test arrangements that need the app (kept apart from testing.ts): an organisation with a rated register. */
export async function arrangeRegister(t: TestContext) {
  const org = await createOrgWithOwner(t.app, t.database);
  const ids = { organizationId: org.organization.id, folderId: org.rootFolderId };
  const matrix = await createMatrix(t.database, ids);
  const assessment = await createRiskAssessment(t.database, {
    ...ids,
    riskMatrixId: matrix.id,
    name: 'Risk review / 2026',
    riskToleranceLevel: 1,
  });
  const ransomware = await createThreat(t.database, ids, 'T-1', 'Ransomware');
  const phishing = await createThreat(t.database, ids, null, 'Phishing');
  const erp = await createAsset(t.database, ids, 'A-1', 'ERP');
  const laptops = await createAsset(t.database, ids, null, 'Laptop fleet');
  const backups = await createControl(t.database, ids, { refId: 'CTL-1', name: 'Backups' });
  const mfa = await createControl(t.database, ids, { refId: null, name: 'MFA', status: 'to_do', eta: '2026-03-01' });
  const first = await createScenario(t.database, assessment, {
    refId: 'R-1',
    name: 'Ransomware on the ERP',
    description: 'Encryption of the ERP database.',
    vulnerabilities: 'Flat network',
    existingControlsText: 'Nightly backups',
    inherent: [2, 2],
    current: [1, 2],
    residual: [0, 1],
    treatment: 'mitigate',
    ownerId: org.owner.id,
    strengthOfKnowledge: 'medium',
    justification: 'Seen at peers.',
    threatIds: [ransomware.id, phishing.id],
    assetIds: [erp.id],
    existingControlIds: [backups.id],
    plannedControlIds: [mfa.id],
  });
  const second = await createScenario(t.database, assessment, {
    refId: 'R-2',
    name: 'Phishing of staff',
    current: [1, 1],
    threatIds: [phishing.id],
    assetIds: [laptops.id],
  });
  const third = await createScenario(t.database, assessment, { name: 'Lost laptop', treatment: 'accept' });
  return {
    ...org,
    ids,
    matrix,
    assessment,
    threats: { ransomware, phishing },
    assets: { erp, laptops },
    controls: { backups, mfa },
    scenarios: { first, second, third },
  };
}

export async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

export function rowValues(sheet: ExcelJS.Worksheet, n: number) {
  const row = sheet.getRow(n);
  return Array.from({ length: sheet.columnCount }, (_, i) => cellText(row.getCell(i + 1).value));
}

/** The row of the sheet whose `column` (1-based) reads `text`. */
export function rowWhere(sheet: ExcelJS.Worksheet, column: number, text: string) {
  for (let r = 2; r <= sheet.actualRowCount; r++) if (cellText(sheet.getCell(r, column).value) === text) return r;
  throw new Error(`no row with ${text}`);
}

export async function editWorkbook(data: Buffer, edit: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = await workbookOf(data);
  edit(workbook.getWorksheet('Scenarios') as ExcelJS.Worksheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
