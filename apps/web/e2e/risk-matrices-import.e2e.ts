import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

/** A minimal CISO Assistant library with one 2×3 matrix (abbreviations and colours as libraries write them). */
const library = `urn: urn:e2e:risk:library:vendor-matrix
locale: en
ref_id: E2E-MATRIX
name: E2E matrix library
version: 1
provider: Rampart e2e
objects:
  risk_matrix:
    - urn: urn:e2e:risk:matrix:vendor
      ref_id: VENDOR
      name: Vendor risk
      probability:
        - { abbreviation: U, name: Unlikely }
        - { abbreviation: L, name: Likely }
      impact:
        - { abbreviation: S, name: Small }
        - { abbreviation: M, name: Medium }
        - { abbreviation: B, name: Big }
      risk:
        - { abbreviation: OK, name: Acceptable, hexcolor: '#2f9e44' }
        - { abbreviation: KO, name: Unacceptable, hexcolor: '#c92a2a' }
      grid:
        - [0, 0, 1]
        - [0, 1, 1]
`;
/** Line 24 names a risk level the matrix does not have (there are two: 0 and 1). */
const broken = library.replace('        - [0, 1, 1]', '        - [0, 1, 7]');

const yamlFile = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import YAML' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import risk matrices' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
  return dialog;
}

/** The dialog's folder select (Mantine renders its options in a portal, outside the dialog). */
async function chooseFolder(page: Page, dialog: Locator, folder: string) {
  await dialog.getByRole('textbox', { name: 'Folder', exact: true }).click();
  await page.getByRole('option', { name: folder, exact: true }).click();
}

describeBrowser('risk matrix import', () => {
  const rampart = useRampart();

  it('imports a CISO Assistant matrix, lists and opens it, and locates the problems of a bad file', async () => {
    await rampart.api().setup({
      email: 'mara@example.com',
      displayName: 'Mara Owner',
      password: PASSWORD,
      organizationName: 'Mara Org',
    });
    const page = await rampart.newPage();
    await signIn(page, 'mara@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Risk matrices' })
      .click();
    await page.getByRole('heading', { name: 'Risk matrices', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Vendor risk' }).count()).toBe(0);

    let dialog = await openImport(page);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.locator('input[type="file"]').setInputFiles(yamlFile('vendor.yaml', library));
    await chooseFolder(page, dialog, 'Mara Org');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const done = dialog.getByRole('status').filter({ hasText: 'Import finished' });
    await done.getByText('1 created, 0 updated in place, 0 added as a new revision, 0 unchanged').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });

    // The list shows it without a reload (the import invalidated it), then its page opens.
    const row = page.getByRole('row', { name: /Vendor risk/ });
    await row.getByRole('cell', { name: '2 × 3' }).waitFor();
    await row.getByRole('link', { name: 'Vendor risk' }).click();
    await page.getByRole('heading', { name: 'Vendor risk', level: 1 }).waitFor();
    await page.getByText('Revision 1 of 1').waitFor();
    await page.getByRole('link', { name: 'All risk matrices' }).click();
    await page.getByRole('heading', { name: 'Risk matrices', level: 1 }).waitFor();

    // The same file again changes nothing.
    dialog = await openImport(page);
    await dialog.locator('input[type="file"]').setInputFiles(yamlFile('vendor.yaml', library));
    await chooseFolder(page, dialog, 'Mara Org');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await done.getByText('0 created, 0 updated in place, 0 added as a new revision, 1 unchanged').waitFor();

    // A bad file: the previous summary goes, and each problem is listed with its line and YAML path.
    await dialog.locator('input[type="file"]').setInputFiles(yamlFile('bad-matrix.yaml', broken));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const failure = dialog.getByRole('alert').filter({ hasText: 'The file cannot be imported' });
    await failure.waitFor();
    expect(await dialog.getByRole('status').count()).toBe(0);
    const problems = await failure
      .getByRole('list', { name: 'Problems found in the file' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(problems).toEqual([
      expect.stringMatching(/^bad-matrix\.yaml line 24: .*\b7\b.* objects\.risk_matrix\[0\]\.grid/),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
