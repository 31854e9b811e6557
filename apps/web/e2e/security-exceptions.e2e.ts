import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

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

describeBrowser('security exceptions', () => {
  const rampart = useRampart();
  it('creates an exception, links a control, holds the step back until saved and sends it for review', async () => {
    const api = rampart.api();
    const { rootFolderId } = await api.setup({
      email: 'rita@example.com',
      displayName: 'Rita Owner',
      password: PASSWORD,
      organizationName: 'Rita Org',
    });
    await api.request('POST', '/api/v1/applied-controls', {
      folderId: rootFolderId,
      name: 'Database encryption at rest',
      status: 'in_progress',
    });
    const page = await rampart.newPage();
    await signIn(page, 'rita@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await page.goto('/security-exceptions');
    await page.getByRole('heading', { name: 'Security exceptions', level: 1 }).waitFor();
    await page.getByText('No security exceptions yet.').waitFor();
    await page.getByRole('button', { name: 'New security exception' }).click();
    const dialog = page.getByRole('dialog', { name: 'New security exception' });
    await dialog.getByRole('textbox', { name: 'Name', exact: false }).fill('Legacy VPN');
    await chooseIn(page, dialog, 'Folder', 'Rita Org');
    await chooseIn(page, dialog, 'Severity', 'High');
    await dialog.getByLabel('Expiry date').fill('2027-06-30');
    await dialog.getByLabel('Justification').fill('The new VPN lands next quarter.');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Legacy VPN', level: 1 }).waitFor();
    await page.getByText('High', { exact: true }).first().waitFor();
    await pick(page, 'Applied control', 'Database', /Database encryption at rest/);
    // Two "Link" buttons: requirement assessments first, then applied controls.
    await page.getByRole('button', { name: 'Link', exact: true }).nth(1).click();
    await page.getByRole('link', { name: 'Database encryption at rest' }).waitFor();
    await page.getByRole('textbox', { name: 'Description' }).fill('Until replaced.');
    await page.getByText('Save your changes first', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Send for review', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Save your changes first', { exact: false }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send for review', exact: true }).click();
    await page.getByRole('dialog').getByText('Send this security exception for review until 2027-06-30?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Send for review', exact: true }).click();
    // Back to draft from review is named a withdrawal.
    await page.getByRole('button', { name: 'Withdraw from review', exact: true }).waitFor();
    await page.getByText('In review', { exact: true }).first().waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Security exceptions' }).first().click();
    await page.getByRole('link', { name: 'Legacy VPN' }).waitFor();
    // The list counts the links (once its cached page, from before the link, is refreshed), and keeps the
    // severity filter in the URL.
    const row = page.getByRole('row', { name: /Legacy VPN/ });
    await expect.poll(() => row.getByRole('cell').nth(5).textContent(), { timeout: 10_000 }).toBe('1');
    await page.goto('/security-exceptions?severity=low');
    await page.getByText('No security exception matches these filters.').waitFor();
  });
});
