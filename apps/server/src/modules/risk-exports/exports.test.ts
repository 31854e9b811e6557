import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { createOrgWithOwner, createUser, grantPermissions, signIn, userWithRole } from '../../test/factories.js';
import { riskAcceptanceScenarios, riskAcceptances } from '../risk-acceptances/tables.js';
import { arrangeRegister, rowValues, rowWhere, workbookOf } from './fixtures.js';
import { cellText } from './import/read-sheet.js';
import { createRiskAssessment, createScenario } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (id: string, extension: string) => `/api/v1/risk-assessments/${id}/export.${extension}`;
const missing = '00000000-0000-4000-8000-000000000000';
const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftoppm) console.warn('pdftoppm (poppler-utils) is absent: the PDF is not rendered to PNG in this run');

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('risk exports: access', () => {
  it('401, 400, 404 (missing, other organisation, unreadable folder), 200 for a reader', async () => {
    const mine = await arrangeRegister(t);
    const theirs = await createOrgWithOwner(t.app, t.database);
    const reader = await userWithRole(t.app, t.database, {
      organizationId: mine.organization.id,
      folderId: mine.rootFolderId,
      role: 'reader',
    });
    const child = await call(t.app, mine.session, {
      method: 'POST',
      url: '/api/v1/folders',
      payload: { parentId: mine.rootFolderId, name: 'Elsewhere' },
    });
    const outsider = await userWithRole(t.app, t.database, {
      organizationId: mine.organization.id,
      folderId: child.json().id,
      role: 'manager',
    });
    for (const extension of ['xlsx', 'pdf']) {
      const id = mine.assessment.id;
      expect((await t.app.inject({ method: 'GET', url: url(id, extension) })).statusCode).toBe(401);
      expect((await call(t.app, mine.session, { method: 'GET', url: url('nope', extension) })).statusCode).toBe(400);
      expect((await call(t.app, mine.session, { method: 'GET', url: url(missing, extension) })).statusCode).toBe(404);
      const foreign = await call(t.app, theirs.session, { method: 'GET', url: url(id, extension) });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.headers['content-type']).toContain('application/problem+json');
      expect((await call(t.app, outsider.session, { method: 'GET', url: url(id, extension) })).statusCode).toBe(404);
      const read = await call(t.app, reader.session, { method: 'GET', url: url(id, extension) });
      expect(read.statusCode, read.body).toBe(200);
    }
  });

  it('403 to someone who may read the assessment but not its scenarios: the file names every scenario', async () => {
    const mine = await arrangeRegister(t);
    const user = await createUser(t.database);
    await grantPermissions(t.database, {
      organizationId: mine.organization.id,
      folderId: mine.rootFolderId,
      userId: user.id,
      permissions: ['risk_assessment:read'],
    });
    const session = { ...(await signIn(t.app, user.email)), organizationId: mine.organization.id };
    for (const extension of ['xlsx', 'pdf']) {
      const refused = await call(t.app, session, { method: 'GET', url: url(mine.assessment.id, extension) });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().detail).toContain('risk_scenario:read');
    }
  });
});

describe('risk exports: files', () => {
  it('XLSX: four sheets; Scenarios values by scale point name, level cells in level colours', async () => {
    const { session, assessment, owner } = await arrangeRegister(t);
    const response = await call(t.app, session, { method: 'GET', url: url(assessment.id, 'xlsx') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Risk-review-2026\.xlsx"/);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Scenarios', 'Heat maps', 'Matrix', 'About']);

    const sheet = workbook.getWorksheet('Scenarios') as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual([
      'ref_id',
      'name',
      'description',
      'threats',
      'assets',
      'vulnerabilities',
      'existing_controls',
      'existing_applied_controls',
      'inherent_probability',
      'inherent_impact',
      'inherent_level',
      'current_probability',
      'current_impact',
      'current_level',
      'residual_probability',
      'residual_impact',
      'residual_level',
      'treatment',
      'owner',
      'strength_of_knowledge',
      'justification',
      'planned_controls',
      'flagged',
    ]);
    expect(sheet.actualRowCount).toBe(4);
    const r1 = rowWhere(sheet, 1, 'R-1');
    expect(rowValues(sheet, r1)).toEqual([
      'R-1',
      'Ransomware on the ERP',
      'Encryption of the ERP database.',
      'T-1; Phishing',
      'A-1',
      'Flat network',
      'Nightly backups',
      'CTL-1',
      'High',
      'Major',
      'High risk',
      'Medium',
      'Major',
      'High risk',
      'Low',
      'Moderate',
      'Low risk',
      'mitigate',
      owner.email,
      'medium',
      'Seen at peers.',
      'MFA',
      'yes',
    ]);
    expect(fillOf(sheet.getCell(r1, 11))).toBe('FFC00000');
    expect(fillOf(sheet.getCell(r1, 17))).toBe('FF00B050');
    const r2 = rowWhere(sheet, 1, 'R-2');
    // Medium/Moderate is the tolerance itself: not flagged. Residual not rated: empty, no colour.
    expect(rowValues(sheet, r2).slice(11, 17)).toEqual(['Medium', 'Moderate', 'Medium risk', '', '', '']);
    expect(fillOf(sheet.getCell(r2, 14))).toBe('FFFFC000');
    expect(fillOf(sheet.getCell(r2, 17))).toBeUndefined();
    expect(rowValues(sheet, r2)[22]).toBe('no');
    const r3 = rowWhere(sheet, 2, 'Lost laptop');
    expect(rowValues(sheet, r3).slice(8, 18)).toEqual(['', '', '', '', '', '', '', '', '', 'accept']);

    // Heat maps: the current grid counts R-1 at (Medium, Major) and R-2 at (Medium, Moderate).
    const maps = workbook.getWorksheet('Heat maps') as ExcelJS.Worksheet;
    const titles: number[] = [];
    maps.eachRow((row, n) => {
      if (cellText(row.getCell(1).value).endsWith(' risk')) titles.push(n);
    });
    expect(titles.map((n) => cellText(maps.getCell(n, 1).value))).toEqual([
      'Inherent risk',
      'Current risk',
      'Residual risk',
    ]);
    const current = titles[1] ?? 0;
    // Rows under the title: High, Medium, Low probability; columns C..E: Minor, Moderate, Major.
    expect(cellText(maps.getCell(current + 2, 2).value)).toBe('Medium');
    expect([3, 4, 5].map((c) => maps.getCell(current + 2, c).value)).toEqual([0, 1, 1]);
    expect(fillOf(maps.getCell(current + 2, 5))).toBe('FFC00000');
    expect(fillOf(maps.getCell(current + 3, 3))).toBe('FF00B050');
    expect([3, 4, 5].map((c) => cellText(maps.getCell(current + 4, c).value))).toEqual(['Minor', 'Moderate', 'Major']);

    const matrix = workbook.getWorksheet('Matrix') as ExcelJS.Worksheet;
    const texts: string[] = [];
    matrix.eachRow((row) => {
      texts.push(cellText(row.getCell(1).value));
    });
    expect(texts).toEqual(expect.arrayContaining(['Probability', 'Impact', 'Risk levels']));
    const about = workbook.getWorksheet('About') as ExcelJS.Worksheet;
    const facts = new Map<string, string>();
    about.eachRow((row) => {
      facts.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value));
    });
    expect(facts.get('Risk assessment')).toBe('Risk review / 2026');
    expect(facts.get('Risk tolerance')).toBe('Medium risk');
    expect(facts.get('File format version')).toBe('1');
    expect(facts.get('Exported at')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('PDF: a PDF with the title, heat maps, scenario table and treatment plan; the heat-map page renders to PNG', async () => {
    const register = await arrangeRegister(t);
    for (let n = 0; n < 40; n++) {
      await createScenario(t.database, register.assessment, {
        refId: `X-${String(n).padStart(2, '0')}`,
        name: `Extra scenario ${n} — “quoted” ✓`,
        current: [n % 3, (n + 1) % 3],
        residual: [0, n % 3],
      });
    }
    const response = await call(t.app, register.session, { method: 'GET', url: url(register.assessment.id, 'pdf') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('Risk-review-2026.pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPdftoppm) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-risk-pdf-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const expected of [
      'Risk assessment report',
      'Risk review / 2026',
      'Heat maps',
      'Inherent risk',
      'Current risk',
      'Residual risk',
      'Probability',
      'Impact',
      'Treatment plan',
      'Ransomware on the ERP',
      'Extra scenario 39',
      'MFA',
      '2026-03-01',
    ]) {
      expect(text, expected).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '2', file, path.join(dir, 'page')]);
    const png = readFileSync(path.join(dir, existsSync(path.join(dir, 'page-2.png')) ? 'page-2.png' : 'page-02.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('flagged follows the acceptances in force: an accepted, unexpired acceptance unflags; an expired one does not', async () => {
    const { session, assessment, ids, scenarios } = await arrangeRegister(t);
    const [acceptance] = await t.database.db
      .insert(riskAcceptances)
      .values({ ...ids, name: 'Accepted for now', state: 'accepted', expiryDate: '2999-12-31' })
      .returning();
    await t.database.db
      .insert(riskAcceptanceScenarios)
      .values({ riskAcceptanceId: acceptance?.id ?? '', riskScenarioId: scenarios.first.id });
    const flaggedOfR1 = async () => {
      const response = await call(t.app, session, { method: 'GET', url: url(assessment.id, 'xlsx') });
      const sheet = (await workbookOf(response.rawPayload)).getWorksheet('Scenarios') as ExcelJS.Worksheet;
      return rowValues(sheet, rowWhere(sheet, 1, 'R-1'))[22];
    };
    expect(await flaggedOfR1()).toBe('no');
    await t.database.db
      .update(riskAcceptances)
      .set({ expiryDate: '2000-01-01' })
      .where(eq(riskAcceptances.id, acceptance?.id ?? ''));
    expect(await flaggedOfR1()).toBe('yes');
  });

  it('an empty register still exports both files', async () => {
    const { session, ids, matrix } = await arrangeRegister(t);
    const empty = await createRiskAssessment(t.database, { ...ids, riskMatrixId: matrix.id, name: 'Empty' });
    const xlsx = await call(t.app, session, { method: 'GET', url: url(empty.id, 'xlsx') });
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await workbookOf(xlsx.rawPayload)).getWorksheet('Scenarios') as ExcelJS.Worksheet;
    expect(sheet.actualRowCount).toBe(1);
    const pdf = await call(t.app, session, { method: 'GET', url: url(empty.id, 'pdf') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
