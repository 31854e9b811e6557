import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { choose, PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftoppm) console.warn('pdftoppm (Debian: poppler-utils) is absent: the risk PDF is not rendered to PNG');

/** Mantine's Select inside a dialog (the page behind may hold a filter with the same label). */
async function chooseIn(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A searchable select that asks the server as one types: type, then pick the option that appears. */
async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** Saves the ratings editor and waits for the server's answer. */
async function saveRatings(page: Page) {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/risk-scenarios/') && r.ok(),
  );
  await page.getByRole('button', { name: 'Save ratings' }).click();
  await saved;
}

describeBrowser('risk management', () => {
  const rampart = useRampart();

  it('rates a scenario on an asset, plans a control, moves it on the heat map, accepts the risk and exports the PDF', async () => {
    const api = rampart.api();
    const { rootFolderId } = await api.setup({
      email: 'rita@example.com',
      displayName: 'Rita Owner',
      password: PASSWORD,
      organizationName: 'Rita Org',
    });
    await api.request('POST', '/api/v1/applied-controls', {
      folderId: rootFolderId,
      refId: 'CTL-ENC',
      name: 'Database encryption at rest',
      status: 'in_progress',
      eta: '2027-03-31',
    });

    const page = await rampart.newPage();
    await signIn(page, 'rita@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // The asset the risk is about.
    await nav.getByRole('link', { name: 'Assets' }).click();
    await page.getByRole('heading', { name: 'Assets', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New asset' }).click();
    const assetDialog = page.getByRole('dialog', { name: 'New asset' });
    await assetDialog.getByLabel('Name').fill('Customer database');
    await chooseIn(page, assetDialog, 'Folder', 'Rita Org');
    await assetDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Customer database', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A risk assessment on the built-in 3×3 matrix, tolerating Low risks only.
    await nav.getByRole('link', { name: 'Risk assessments' }).click();
    await page.getByRole('heading', { name: 'Risk assessments', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New risk assessment' }).click();
    const assessmentDialog = page.getByRole('dialog', { name: 'New risk assessment' });
    await assessmentDialog.getByRole('textbox', { name: 'Name', exact: false }).fill('Customer data risks');
    await chooseIn(page, assessmentDialog, 'Folder', 'Rita Org');
    await chooseIn(page, assessmentDialog, 'Risk matrix', '3×3 risk matrix');
    await chooseIn(page, assessmentDialog, 'Risk tolerance', 'Low');
    await assessmentDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Customer data risks', level: 1 }).waitFor();
    const assessmentUrl = page.url();

    // Its own fields are edited on its page: a version label, a due date and an author.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit the risk assessment' });
    await editDialog.getByRole('textbox', { name: 'Version' }).fill('2026');
    await editDialog.getByLabel('Due date').fill('2026-12-31');
    await pick(page, 'Add to Authors', 'Rita', /Rita Owner/);
    await editDialog.getByText('Rita Owner', { exact: false }).first().waitFor();
    expect(await seriousViolations(page, { include: '[role="dialog"]' })).toEqual([]);
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await editDialog.waitFor({ state: 'detached' });
    await page.getByText(/^Authors: Rita Owner/).waitFor();
    await page.getByText('Due date: 2026-12-31').waitFor();
    await page.getByText('Version: 2026').waitFor();

    // A scenario, rated Likely × Major: High, above the tolerance, so flagged.
    await page.getByRole('button', { name: 'New scenario' }).click();
    const scenarioDialog = page.getByRole('dialog', { name: 'New risk scenario' });
    await scenarioDialog.getByRole('textbox', { name: 'Name', exact: false }).fill('Theft of the customer database');
    await scenarioDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Theft of the customer database', level: 1 }).waitFor();
    const scenarioUrl = page.url();
    await choose(page, 'Current probability', 'L · Likely');
    await choose(page, 'Current impact', 'Ma · Major');
    await saveRatings(page);
    await page.getByText('Flagged', { exact: true }).first().waitFor();

    // Linked to the asset, and treated by the planned encryption control.
    await pick(page, 'Add: Assets', 'Customer', /Customer database/);
    await page.getByRole('table', { name: 'Assets' }).getByRole('link', { name: 'Customer database' }).waitFor();
    await pick(page, 'Add: Planned controls', 'encryption', /Database encryption at rest/);
    await page
      .getByRole('table', { name: 'Planned controls' })
      .getByRole('link', { name: /Database encryption at rest/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // On the heat map, then moved to Moderate impact: the cell it sits in changes.
    await page.goto(assessmentUrl);
    await page.getByRole('tab', { name: 'Heat maps' }).click();
    await page.getByRole('button', { name: /^Current: 1 scenario, probability Likely, impact Major/ }).waitFor();
    await page.getByRole('tab', { name: 'Treatment plan' }).click();
    await page.getByRole('table', { name: 'Treatment plan' }).getByText('Database encryption at rest').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(scenarioUrl);
    await page.getByRole('heading', { name: 'Theft of the customer database', level: 1 }).waitFor();
    await choose(page, 'Current impact', 'Mo · Moderate');
    await saveRatings(page);
    // The history tells it in words, on the matrix's own scale names, and counts the links.
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText(/^Current rating: Likely × Major \(High\) → Likely × Moderate \(\w+\)$/).waitFor();
    await history.getByText(/^Current rating: Not rated → Likely × Major \(High\)$/).waitFor();
    await history.getByRole('cell', { name: 'Assets changed', exact: true }).waitFor();
    expect(await history.getByText('risk_scenario.', { exact: false }).count()).toBe(0);
    await page.goto(assessmentUrl);
    await page.getByRole('tab', { name: 'Heat maps' }).click();
    const moved = page.getByRole('button', { name: /^Current: 1 scenario, probability Likely, impact Moderate/ });
    await moved.waitFor();
    expect(
      await page.getByRole('button', { name: /^Current: 1 scenario, probability Likely, impact Major/ }).count(),
    ).toBe(0);

    // A heat-map cell opens the register filtered on that cell.
    await moved.click();
    await page.getByRole('heading', { name: 'Risk register', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: 'Risk register' })
      .getByRole('link', { name: 'Theft of the customer database' })
      .waitFor();

    // The remaining risk is accepted until mid-2027 by the named approver (Rita herself here).
    await nav.getByRole('link', { name: 'Risk acceptances' }).click();
    await page.getByRole('heading', { name: 'Risk acceptances', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New risk acceptance' }).click();
    const acceptanceDialog = page.getByRole('dialog', { name: 'New risk acceptance' });
    await acceptanceDialog.getByRole('textbox', { name: 'Name', exact: false }).fill('Database theft until encryption');
    await chooseIn(page, acceptanceDialog, 'Folder', 'Rita Org');
    await pick(page, 'Approver', 'Rita', /Rita Owner/);
    await acceptanceDialog.getByLabel('Expiry date').fill('2027-06-30');
    await acceptanceDialog.getByLabel('Justification').fill('Encryption lands in Q1 2027; access is already logged.');
    await acceptanceDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Database theft until encryption', level: 1 }).waitFor();
    await pick(page, 'Add a risk scenario', 'Theft', /Theft of the customer database/);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('link', { name: 'Theft of the customer database' }).waitFor();

    // An unsaved edit holds the state change back (the approver would decide on something else than shown).
    await page.getByRole('textbox', { name: 'Description' }).fill('Until the database is encrypted at rest.');
    await page.getByText('Save your changes first', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Submit', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Save your changes first', { exact: false }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Submit', exact: true }).isEnabled()).toBe(true);

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Revoke', exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);

    // Accepted and in force: the scenario is no longer flagged.
    const flagged = await api.request<{ items: unknown[] }>('GET', '/api/v1/risk-scenarios?flagged=true');
    expect(flagged.items).toEqual([]);
    await page.goto(scenarioUrl);
    await page.getByRole('heading', { name: 'Theft of the customer database', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save ratings' }).waitFor();
    expect(await page.getByText('Flagged', { exact: true }).count()).toBe(0);

    // The PDF report opens and renders.
    await page.goto(assessmentUrl);
    await page.getByRole('button', { name: 'Export risk assessment' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'PDF report' }).click(),
    ]);
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'rampart-e2e-')), file.suggestedFilename());
    await file.saveAs(target);
    const pdf = readFileSync(target);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftoppm) {
      const prefix = path.join(path.dirname(target), 'page');
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '2', '-singlefile', target, prefix]);
      expect(readFileSync(`${prefix}.png`).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
