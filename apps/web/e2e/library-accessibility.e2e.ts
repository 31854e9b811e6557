import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

const miniCatalog = fileURLToPath(
  new URL('../../server/src/modules/frameworks/formats/oscal/fixtures/mini-catalog.json', import.meta.url),
);

describeBrowser('library accessibility', () => {
  const rampart = useRampart();

  it('has no serious or critical axe violations on the library, import dialog and framework pages', async () => {
    await rampart.api().setup({
      email: 'dana@example.com',
      displayName: 'Dana',
      password: PASSWORD,
      organizationName: 'Dana Org',
    });
    const page = await rampart.newPage();
    await signIn(page, 'dana@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    // The built-in library is listed on a fresh install (its badges are part of what axe checks).
    await page.getByRole('row', { name: /NIST Cybersecurity Framework/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a library file' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.locator('input[type="file"]').setInputFiles(miniCatalog);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Import finished' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('row', { name: /Mini Catalog/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mini Catalog: Test Controls' }).click();
    await page.getByRole('treeitem', { name: /AC-2\(10\)/ }).click();
    await page
      .getByRole('region', { name: /AC-2\(10\)/ })
      .getByText('Withdrawn')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
