import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftoppm) console.warn('pdftoppm (Debian: poppler-utils) is absent: the SoA PDF is not rendered to PNG');

/** A small ISO 27001-shaped framework in Rampart's format: two themes, five controls. */
const framework = {
  format: 'rampart-library',
  formatVersion: 1,
  frameworks: [
    {
      urn: 'urn:e2e:framework:iso-like',
      refId: 'ISO-LIKE',
      name: 'ISO-like Annex A',
      version: '2022',
      requirements: [
        {
          urn: 'urn:e2e:req:a5',
          refId: 'A.5',
          name: 'Organisational controls',
          requirements: [
            { urn: 'urn:e2e:req:a5.1', refId: 'A.5.1', name: 'Policies for information security' },
            { urn: 'urn:e2e:req:a5.2', refId: 'A.5.2', name: 'Information security roles' },
            { urn: 'urn:e2e:req:a5.3', refId: 'A.5.3', name: 'Segregation of duties' },
          ],
        },
        {
          urn: 'urn:e2e:req:a8',
          refId: 'A.8',
          name: 'Technological controls',
          requirements: [
            { urn: 'urn:e2e:req:a8.1', refId: 'A.8.1', name: 'User end point devices' },
            { urn: 'urn:e2e:req:a8.2', refId: 'A.8.2', name: 'Privileged access rights' },
          ],
        },
      ],
    },
  ],
};

/** Signs in through the API and returns a fetch that sends the session, CSRF token and organisation. */
async function apiAs(baseUrl: string, email: string, organizationId: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('rampart_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'x-organization-id': organizationId };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const form = body instanceof FormData;
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: body === undefined || form ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

const csvFile = (rows: string[][]) =>
  rows.map((r) => r.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');

/** Clicks a menu entry and returns the downloaded file's bytes and suggested name. */
async function download(page: Page, entry: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: entry, exact: true }).click(),
  ]);
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'rampart-e2e-')), file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target, data: readFileSync(target) };
}

describeBrowser('assessment exports', () => {
  const rampart = useRampart();

  it('exports the Statement of Applicability as Excel and PDF from the workspace menu, and imports a file', async () => {
    const setup = rampart.api();
    const { organizationId, rootFolderId } = await setup.setup({
      email: 'sam@example.com',
      displayName: 'Sam',
      password: PASSWORD,
      organizationName: 'Sam Org',
    });
    const api = await apiAs(rampart.server.url, 'sam@example.com', organizationId);

    // Arrange through the API: the framework (import job), an assessment, a control, then results by CSV import.
    const form = new FormData();
    form.append('format', 'rampart');
    form.append('file', new Blob([JSON.stringify(framework)], { type: 'application/json' }), 'iso-like.json');
    const { jobId } = await api<{ jobId: string }>('POST', '/api/v1/library/imports', form);
    await expect
      .poll(async () => (await api<{ status: string }>('GET', `/api/v1/jobs/${jobId}`)).status, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe('succeeded');
    const run = await api<{ result: { frameworks: { id: string }[] } }>('GET', `/api/v1/jobs/${jobId}`);
    const assessment = await api<{ id: string }>('POST', '/api/v1/compliance-assessments', {
      folderId: rootFolderId,
      frameworkId: run.result.frameworks[0]?.id,
      name: 'ISMS 2026',
      status: 'in_progress',
    });
    await api('POST', '/api/v1/applied-controls', {
      folderId: rootFolderId,
      refId: 'CTL-1',
      name: 'Access policy',
      status: 'active',
    });
    const results = new FormData();
    results.append(
      'file',
      new Blob([
        csvFile([
          ['Requirement URN', 'Status', 'Result', 'Observation', 'Applied controls'],
          ['urn:e2e:req:a5.1', 'done', 'compliant', 'Approved by the board.', 'CTL-1'],
          ['urn:e2e:req:a5.2', 'done', 'not_applicable', 'No separate security team.', ''],
          ['urn:e2e:req:a8.2', 'in_progress', 'partially_compliant', '', 'Access policy'],
        ]),
      ]),
      'results.csv',
    );
    await api('POST', `/api/v1/compliance-assessments/${assessment.id}/import`, results);

    const page = await rampart.newPage();
    await signIn(page, 'sam@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page.goto(`/assessments/${assessment.id}`);
    await page.getByRole('heading', { name: 'ISMS 2026', level: 1 }).waitFor();

    // The SoA workbook, downloaded through the menu and read back.
    const xlsx = await download(page, 'Statement of Applicability (Excel)');
    expect(xlsx.name).toBe('ISMS-2026-SoA.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Statement of Applicability');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows).toEqual([
      ['Ref ID', 'Requirement', 'Applicable', 'Justification', 'Implementing controls', 'Implementation status'],
      [
        'A.5.1',
        'Policies for information security',
        'Yes',
        'Approved by the board.',
        'CTL-1 Access policy (active)',
        'Implemented',
      ],
      ['A.5.2', 'Information security roles', 'No', 'No separate security team.', '', 'Not applicable'],
      ['A.5.3', 'Segregation of duties', 'Yes', '', '', 'Not assessed'],
      ['A.8.1', 'User end point devices', 'Yes', '', '', 'Not assessed'],
      ['A.8.2', 'Privileged access rights', 'Yes', '', 'CTL-1 Access policy (active)', 'Partially implemented'],
    ]);

    // The SoA PDF opens: a PDF, with a title page and the table; page 1 renders when poppler is installed.
    const pdf = await download(page, 'Statement of Applicability (PDF)');
    expect(pdf.name).toBe('ISMS-2026-SoA.pdf');
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftoppm) {
      expect(execFileSync('pdfinfo', [pdf.path]).toString()).toMatch(/Pages:\s+2/);
      const prefix = path.join(path.dirname(pdf.path), 'page');
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf.path, prefix]);
      expect(readFileSync(`${prefix}.png`).subarray(1, 4).toString('latin1')).toBe('PNG');
    }

    // Import through the dialog: checked first (what would change), applied on confirmation.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Import from a file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import results from a file' });
    const edited = path.join(path.dirname(pdf.path), 'edited.csv');
    writeFileSync(
      edited,
      csvFile([
        ['Requirement URN', 'Result', 'Observation'],
        ['urn:e2e:req:a8.1', 'non_compliant', 'Laptops are not encrypted.'],
      ]),
    );
    await dialog.locator('input[type="file"]').setInputFiles(edited);
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await dialog.getByText('Requirements that would change: 1. Unchanged: 0.').waitFor();
    const changes = await dialog.getByRole('list', { name: 'Changes the import would make' }).textContent();
    expect(changes).toContain('A.8.1');
    expect(changes).toContain('result: not_assessed → non_compliant');
    expect(await seriousViolations(page, { include: '[role="dialog"]' })).toEqual([]);
    await dialog.getByRole('button', { name: 'Import the changes (1)' }).click();
    await page.getByText('Import done: requirements updated: 1').waitFor();
    const csv = await (
      await fetch(`${rampart.server.url}/api/v1/compliance-assessments/${assessment.id}/exports/csv`, {
        headers: await sessionHeaders(rampart.server.url, organizationId),
      })
    ).text();
    const a81 = csv.split(/\r?\n/).find((line) => line.startsWith('urn:e2e:req:a8.1,'));
    expect(a81).toContain(',non_compliant,,Laptops are not encrypted.,');
  });
});

async function sessionHeaders(baseUrl: string, organizationId: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam@example.com', password: PASSWORD }),
  });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('rampart_session=')) ?? '').split(';')[0] ?? '';
  return { cookie, 'x-organization-id': organizationId };
}
