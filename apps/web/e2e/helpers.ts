import type { Page } from 'playwright-core';

/** UI steps several journeys share. Everything waits on roles and labels, never on time. */
export const PASSWORD = 'correct horse battery staple';

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** Mantine's Select: open it by its label, then pick the option by its visible text. */
export async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export const folderTree = (page: Page) => page.getByRole('region', { name: 'Folder tree' });
