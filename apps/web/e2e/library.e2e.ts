import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { choose, PASSWORD } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const fixtures = new URL('../../server/src/modules/frameworks/formats/oscal/fixtures/', import.meta.url);
const miniCatalog = fileURLToPath(new URL('mini-catalog.json', fixtures));
const miniProfile = fileURLToPath(new URL('mini-low-profile.json', fixtures));
const CATALOG = 'Mini Catalog: Test Controls';
/** A framework every fresh install ships with (the built-in library). */
const BUILTIN = 'NIST Cybersecurity Framework';

/** Opens the import dialog, sends one file and returns the dialog, where the job's outcome will show. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a library file' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  return dialog;
}

const treeItems = (page: Page) => page.getByRole('tree', { name: 'Requirements' }).getByRole('treeitem');
/** What each row reads as on screen: reference, title and a badge, one space apart. */
const labels = async (items: Locator) => (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());

describeBrowser('frameworks library', () => {
  const rampart = useRampart();

  it('imports an OSCAL catalog through the UI, browses and filters its tree, and explains a bad file', async () => {
    const page = await rampart.newPage();

    // Sign up: the first run's setup page creates the owner of a new organisation.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Rampart' }).waitFor();
    await page.getByLabel('Organisation name').fill('Acme Corp');
    await page.getByLabel('Your name').fill('Alice Owner');
    await page.getByLabel('E-mail address').fill('alice@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.getByRole('row', { name: new RegExp(BUILTIN) }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(CATALOG) }).count()).toBe(0);

    // A broken catalog: the job fails and the dialog lists where the file is wrong.
    const broken = '{\n  "catalog": {\n    "uuid": 5,\n    "metadata": {}\n  }\n}\n';
    let dialog = await importFile(page, {
      name: 'broken-catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await choose(page, 'Format', 'OSCAL catalog');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const failure = dialog.getByRole('alert').filter({ hasText: 'The file cannot be imported' });
    await failure.waitFor();
    const issues = await labels(
      failure.getByRole('list', { name: 'Problems found in the file' }).getByRole('listitem'),
    );
    expect(issues).toContainEqual(expect.stringMatching(/^broken-catalog\.json:3 \/catalog\/uuid — .+/));
    expect(issues).toContainEqual(expect.stringMatching(/^broken-catalog\.json:\d+ \/catalog\/metadata\/title — /));

    // The real fixture, format detected: a progress bar, then a link to the new framework.
    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(miniCatalog);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Import finished' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    const row = page.getByRole('row', { name: new RegExp(CATALOG) });
    await row.getByText('4 assessable of 7').waitFor();
    await row.getByRole('link', { name: CATALOG }).click();

    // A small tree opens in full; a withdrawn control says so.
    await page.getByRole('heading', { name: CATALOG, level: 1 }).waitFor();
    await page.getByText('7 requirements · 4 assessable').waitFor();
    await treeItems(page).first().waitFor();
    expect(await labels(treeItems(page))).toEqual([
      'AC Access Control',
      'AC-1 Policy and Procedures',
      'AC-2 Account Management',
      'AC-2(1) Automated System Account Management',
      // The badge is set in capitals (innerText follows the CSS).
      'AC-2(10) Shared and Group Account Credential Change WITHDRAWN',
      'AU Audit and Accountability',
      'AU-1 Audit Policy',
    ]);

    // Text search runs on the server (titles and texts) and keeps each match's family for context.
    await page.getByRole('searchbox', { name: 'Search requirements' }).fill('account');
    await page.getByText(/^\d+ matching requirements?$/).waitFor();
    await expect.poll(() => labels(treeItems(page))).not.toContain('AU-1 Audit Policy');
    expect(await labels(treeItems(page))).toContain('AC Access Control');
    await page.getByRole('switch', { name: 'Hide withdrawn' }).check({ force: true });
    await expect
      .poll(() => labels(treeItems(page)))
      .toEqual([
        'AC Access Control',
        'AC-2 Account Management',
        'AC-2(1) Automated System Account Management',
        // "Accountability": the family matches on its own title.
        'AU Audit and Accountability',
      ]);

    // The side panel reads the selected node's full text.
    await treeItems(page).filter({ hasText: 'AC-2(1)' }).click();
    const details = page.getByRole('region', { name: 'AC-2(1) Automated System Account Management' });
    await details.getByText('Support account management using', { exact: false }).waitFor();
    await details.getByText('Assessable', { exact: true }).waitFor();

    // The keyboard walks the tree: Up from AC-2(1) reaches AC-2, Left closes it, Left again goes to its family.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => labels(treeItems(page)))
      .toEqual(['AC Access Control', 'AC-2 Account Management', 'AU Audit and Accountability']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'AC Access Control' }).waitFor();

    // A baseline profile becomes an implementation group of the catalog, chosen as the profile's target.
    await page.getByRole('link', { name: 'Back to the library' }).click();
    dialog = await importFile(page, miniProfile);
    await choose(page, 'Format', 'OSCAL profile (baseline)');
    await choose(page, 'Catalog the profile applies to', `${CATALOG} (1.0.0)`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('3 requirements selected', { exact: false }).waitFor();
    await dialog.getByRole('link', { name: `Open ${CATALOG}` }).click();
    await page.getByRole('heading', { name: CATALOG, level: 1 }).waitFor();
    await choose(page, 'Implementation group', 'Low impact baseline');
    await page.getByText('3 matching requirements').waitFor();
    expect(await labels(treeItems(page))).toEqual([
      'AC Access Control',
      'AC-1 Policy and Procedures',
      'AC-2 Account Management',
      'AU Audit and Accountability',
      'AU-1 Audit Policy',
    ]);

    // The organisation's own import can be deleted, after a confirmation.
    await page.getByRole('button', { name: 'Delete framework' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete “${CATALOG}”?` });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    await page.getByRole('row', { name: new RegExp(BUILTIN) }).waitFor();
    await page.getByRole('row', { name: new RegExp(CATALOG) }).waitFor({ state: 'detached' });
  });
});
