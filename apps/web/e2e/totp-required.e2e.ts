import { authenticator } from 'otplib';
import { it } from 'vitest';
import { PASSWORD, signIn } from './helpers.js';
import { describeBrowser, firstLink, useRampart } from './support/index.js';

describeBrowser('an organisation that requires two-factor authentication', () => {
  const rampart = useRampart();

  it('keeps a member without it on their profile until they enrol', async () => {
    // Arrange through the API: Carol joins, then the owner starts requiring two-factor authentication.
    const api = rampart.api();
    const { organizationId, rootFolderId } = await api.setup({
      email: 'olivia@example.com',
      displayName: 'Olivia Owner',
      password: PASSWORD,
      organizationName: 'Acme Corp',
    });
    const roles = await api.request<{ items: { id: string; key: string | null }[] }>('GET', '/api/v1/roles');
    await api.request('POST', '/api/v1/invitations', {
      email: 'carol@example.com',
      roleId: roles.items.find((r) => r.key === 'contributor')?.id,
      folderId: rootFolderId,
    });
    const link = new URL(firstLink(await api.waitForEmail('carol@example.com')));
    await rampart.api().request('POST', '/api/v1/invitations/accept', {
      token: link.searchParams.get('token'),
      displayName: 'Carol Contributor',
      password: PASSWORD,
    });
    await api.request('PATCH', `/api/v1/organizations/${organizationId}`, { version: 1, requireTotp: true });

    // Signing in lands on the profile, which explains why; other pages lead back to it.
    const page = await rampart.newPage();
    await signIn(page, 'carol@example.com');
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Your organisation requires two-factor authentication.' });
    await alert.waitFor();
    await page.goto('/members');
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await alert.waitFor();

    // Enrolment from the alert; afterwards the application opens normally.
    await alert.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const dialog = page.getByRole('dialog');
    const secret = (await dialog.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await dialog.getByLabel('Code from the app').fill(authenticator.generate(secret));
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Folders' }).click();
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
  });
});
