import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { choose, PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const fixture = fileURLToPath(
  new URL('../../server/src/modules/assessments/fixtures/mini-framework.json', import.meta.url),
);

const row = (page: Page, ref: string) => page.locator('li[data-ra-id]').filter({ hasText: ref });

describeBrowser('compliance assessments', () => {
  const rampart = useRampart();

  it('creates an assessment, bulk-sets results, saves an observation and attaches evidence in the side panel, shows progress', async () => {
    const api = rampart.api();
    const { rootFolderId } = await api.setup({
      email: 'erin@example.com',
      displayName: 'Erin',
      password: PASSWORD,
      organizationName: 'Erin Org',
    });
    await api.importLibrary(
      { name: 'mini-framework.json', content: readFileSync(fixture), type: 'application/json' },
      'rampart',
    );
    await api.request('POST', '/api/v1/evidence', { folderId: rootFolderId, name: 'Log retention report' });

    const page = await rampart.newPage();
    await signIn(page, 'erin@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessments', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Compliance assessments', level: 1 }).waitFor();

    // The new assessment dialog: framework, one implementation group left out (all requirements), folder.
    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New compliance assessment' });
    await dialog.getByLabel('Name').fill('Mini 2026');
    await choose(page, 'Framework', 'Mini framework (1)');
    await dialog.getByText('Implementation groups').waitFor();
    await choose(page, 'Folder', 'Erin Org');
    await dialog.getByRole('button', { name: 'Create' }).click();

    // The workspace opens on the new assessment: five requirements, nothing assessed yet.
    await page.getByRole('heading', { name: 'Mini 2026', level: 1 }).waitFor();
    await page.getByText('0 of 5 assessed').waitFor();
    await page.getByText('5 requirements shown').waitFor();
    await page.getByText('Keyboard:').waitFor();

    // Bulk edit: tick two rows (one by mouse, one with the keyboard's x), set Compliant for both at once.
    await page.getByRole('checkbox', { name: 'Select GOV-1 Security policy' }).check();
    await row(page, 'GOV-2').focus();
    await page.keyboard.press('x');
    await page.getByText('2 selected').waitFor();
    await choose(page, 'Set result', 'Compliant');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('2 requirements updated').waitFor();
    await page.getByText('2 of 5 assessed').waitFor();
    expect(await page.getByTestId('count-compliant').textContent()).toBe('2');
    await expect.poll(() => row(page, 'GOV-1').getAttribute('aria-label')).toBe('GOV-1 Security policy: Compliant');

    // The side panel: open OPS-2 with the keyboard, set a result and an observation, save with the version.
    await row(page, 'OPS-2').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'OPS-2 Logging' });
    await panel.getByText('Security events are logged.').waitFor();
    await choose(page, 'Result', 'Partially compliant');
    await panel.getByLabel('Observation').fill('Logs kept 30 days; 90 required.');
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.getByText('3 of 5 assessed').waitFor();
    await row(page, 'OPS-2').getByLabel('Has an observation').waitFor();
    await page.getByText('60%').waitFor();

    // Evidence attached from the side panel: picked by name, linked, counted on the row.
    await panel.getByRole('textbox', { name: 'Evidence', exact: true }).click();
    await page.getByRole('option', { name: 'Log retention report' }).click();
    await panel.getByRole('link', { name: 'Log retention report' }).waitFor();
    await row(page, 'OPS-2').getByLabel('1 piece of evidence').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The result filter narrows the list to what is left to assess.
    await choose(page, 'Filter by result', 'Not assessed');
    await page.getByText('2 requirements shown').waitFor();

    // The list shows the progress too.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessments', exact: true })
      .click();
    await page
      .getByRole('row', { name: /Mini 2026/ })
      .getByText('3 of 5 assessed')
      .waitFor();
  });
});
