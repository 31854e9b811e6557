import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

/** Serious and critical WCAG 2.1 A/AA violations, described well enough to fix from the test output. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

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
