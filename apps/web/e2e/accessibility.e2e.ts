import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

describeBrowser('accessibility', () => {
  const rampart = useRampart();

  it('has no serious or critical axe violations on the sign-in, folders and audit pages', async () => {
    await rampart.api().setup({
      email: 'dana@example.com',
      displayName: 'Dana',
      password: PASSWORD,
      organizationName: 'Dana Org',
    });
    const page = await rampart.newPage();

    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, 'dana@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Folder tree' }).getByRole('button', { name: 'Dana Org' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await page
      .getByRole('button', { name: /Show changes/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
