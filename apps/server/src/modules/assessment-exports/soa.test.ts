import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../test/app.js';
import { arrangeAssessed, rowValues, workbookOf } from './export-fixtures.js';
import { isoLikeFramework } from './testing.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (id: string, format: string) => `/api/v1/compliance-assessments/${id}/exports/${format}`;
const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftoppm) console.warn('pdftoppm (poppler-utils) is absent: the PDF is not rendered to PNG in this run');

describe('Statement of Applicability exports', () => {
  it('SoA XLSX: applicability, justification, implementing controls and status per requirement', async () => {
    const { session, assessmentId } = await arrangeAssessed(t);
    const response = await call(t.app, session, { method: 'GET', url: url(assessmentId, 'soa.xlsx') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('ISO-27001-Annual-review-2026-SoA.xlsx');
    const workbook = await workbookOf(response.rawPayload);
    const sheet = workbook.getWorksheet('Statement of Applicability') as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual([
      'Ref ID',
      'Requirement',
      'Applicable',
      'Justification',
      'Implementing controls',
      'Implementation status',
    ]);
    expect(sheet.rowCount).toBe(7);
    expect(rowValues(sheet, 2)).toEqual([
      'A.5.1',
      'Control 5.1 — policies for “information security”',
      'Yes',
      'Policy approved by the board.',
      'CTL-1 Access policy (active)',
      'Implemented',
    ]);
    expect(rowValues(sheet, 3)).toEqual(['A.5.2', expect.any(String), 'No', 'No development.', '', 'Not applicable']);
    expect(rowValues(sheet, 4).slice(2)).toEqual(['Yes', '', '', 'Not implemented']);
  });

  it('SoA PDF: a PDF whose table paginates, with one page per ~20 rows, rendering page 1 when poppler is there', async () => {
    const { session, assessmentId } = await arrangeAssessed(t, isoLikeFramework(30, 4));
    const response = await call(t.app, session, { method: 'GET', url: url(assessmentId, 'soa.pdf') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // 120 requirements at 8 pt: a title page and a handful of table pages, not one and not hundreds.
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(15);
    if (!hasPdftoppm) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-soa-'));
    writeFileSync(path.join(dir, 'soa.pdf'), pdf);
    const info = execFileSync('pdfinfo', [path.join(dir, 'soa.pdf')]).toString();
    expect(info).toMatch(new RegExp(`Pages:\\s+${pages}`));
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'soa.pdf'), '-']).toString();
    expect(text).toContain('Statement of Applicability');
    expect(text).toContain(`Page 2 of ${pages}`);
    // The header row is repeated on every table page.
    expect(text.match(/Implementation status/g)?.length).toBe(pages - 1);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'soa.pdf'),
      path.join(dir, 'page'),
    ]);
    const png = readFileSync(path.join(dir, existsSync(path.join(dir, 'page-01.png')) ? 'page-01.png' : 'page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
