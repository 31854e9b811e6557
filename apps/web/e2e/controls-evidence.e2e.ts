import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { choose, PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const miniCatalog = fileURLToPath(
  new URL('../../server/src/modules/frameworks/formats/oscal/fixtures/mini-catalog.json', import.meta.url),
);
const CATALOG = 'Mini Catalog: Test Controls';

describeBrowser('applied controls and evidence', () => {
  const rampart = useRampart();

  it('links a control to an imported requirement, uploads evidence and attaches it to the control', async () => {
    const api = rampart.api();
    await api.setup({
      email: 'erin@example.com',
      displayName: 'Erin Owner',
      password: PASSWORD,
      organizationName: 'Erin Org',
    });
    await api.importLibrary(
      { name: 'mini-catalog.json', content: readFileSync(miniCatalog), type: 'application/json' },
      'oscal_catalog',
    );

    const page = await rampart.newPage();
    await signIn(page, 'erin@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // A new control, created in the root folder; the dialog leads to its page.
    await nav.getByRole('link', { name: 'Applied controls' }).click();
    await page.getByRole('heading', { name: 'Applied controls', level: 1 }).waitFor();
    await page.getByText('No applied controls yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New control' }).click();
    const dialog = page.getByRole('dialog', { name: 'New applied control' });
    await dialog.getByLabel('Name').fill('Quarterly access review');
    await dialog.getByLabel('Ref id').fill('AC-REV');
    await choose(page, 'Folder', 'Erin Org');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'AC-REV · Quarterly access review', level: 1 }).waitFor();

    // Link it to AC-2 of the imported catalog, found by searching the framework's requirements.
    await page.getByRole('textbox', { name: 'Framework', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(CATALOG) }).click();
    await page.getByRole('searchbox', { name: 'Find a requirement' }).fill('Account Management');
    await page.getByRole('button', { name: 'Link requirement AC-2', exact: true }).click();
    const requirementRow = page.getByRole('row', { name: /AC-2 Account Management/ });
    await requirementRow.getByRole('link', { name: CATALOG }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Evidence, with a file revision uploaded through the page.
    await nav.getByRole('link', { name: 'Evidence' }).click();
    await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New evidence' }).click();
    const evidenceDialog = page.getByRole('dialog', { name: 'New evidence' });
    await evidenceDialog.getByLabel('Name').fill('Access review export');
    await choose(page, 'Folder', 'Erin Org');
    await evidenceDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Access review export', level: 1 }).waitFor();
    await page.getByText('No revision yet: upload a file or add a link.').waitFor();
    const content = Buffer.from('user,last review\nalice,2026-01-10\nbob,2026-01-11\n');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'review.csv', mimeType: 'text/csv', buffer: content });
    await page.getByRole('button', { name: 'Upload' }).click();
    const downloadButton = page.getByRole('button', { name: 'Download review.csv' });
    await downloadButton.waitFor();
    // The first revision turns missing evidence into a draft.
    await page.getByRole('button', { name: 'Submit for review' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toBe('review.csv');
    const saved = await download.path();
    expect(readFileSync(saved).equals(content)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Attach it to the control from the control's page, and see it listed there.
    await nav.getByRole('link', { name: 'Applied controls' }).click();
    await page.getByRole('link', { name: 'Quarterly access review' }).click();
    await page.getByRole('heading', { name: 'AC-REV · Quarterly access review', level: 1 }).waitFor();
    await page.getByText('No evidence attached yet.').waitFor();
    await page.getByRole('textbox', { name: 'Attach existing evidence' }).click();
    await page.getByRole('option', { name: 'Access review export' }).click();
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    const evidenceRow = page.getByRole('row', { name: /Access review export/ });
    await evidenceRow.getByText('Draft').waitFor();
    await evidenceRow.getByRole('link', { name: 'Access review export' }).click();
    await page.getByRole('heading', { name: 'Access review export', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'AC-REV · Quarterly access review' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The list counts what the control is linked to.
    await nav.getByRole('link', { name: 'Applied controls' }).click();
    const listRow = page.getByRole('row', { name: /Quarterly access review/ });
    await listRow.waitFor();
    // The list shows its cached page at once and refetches it (the attach marked it stale): wait for the new figures.
    await expect
      .poll(async () => (await listRow.getByRole('cell').allInnerTexts()).slice(-2), { timeout: 15_000 })
      .toEqual(['1', '1']);
  });
});
