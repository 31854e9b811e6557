import { expect, it } from 'vitest';
import { choose, PASSWORD, signIn } from './helpers.js';
import { describeBrowser, firstLink, useRampart } from './support/index.js';

describeBrowser('no privilege escalation in the UI', () => {
  const rampart = useRampart();

  it('shows a folder manager only what they may do, and says why granting Owner is refused', async () => {
    // Arrange through the API: Mia manages the Security folder only; a group exists to grant to.
    const api = rampart.api();
    const { rootFolderId } = await api.setup({
      email: 'olivia@example.com',
      displayName: 'Olivia Owner',
      password: PASSWORD,
      organizationName: 'Acme Corp',
    });
    const security = await api.request<{ id: string }>('POST', '/api/v1/folders', {
      parentId: rootFolderId,
      name: 'Security',
    });
    await api.request('POST', '/api/v1/groups', { name: 'Auditors' });
    const roles = await api.request<{ items: { id: string; key: string | null }[] }>('GET', '/api/v1/roles');
    const manager = roles.items.find((r) => r.key === 'manager');
    await api.request('POST', '/api/v1/invitations', {
      email: 'mia@example.com',
      roleId: manager?.id,
      folderId: security.id,
    });
    const link = new URL(firstLink(await api.waitForEmail('mia@example.com')));
    await rampart.api().request('POST', '/api/v1/invitations/accept', {
      token: link.searchParams.get('token'),
      displayName: 'Mia Manager',
      password: PASSWORD,
    });

    const page = await rampart.newPage();
    await signIn(page, 'mia@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    // The navigation offers what a folder manager can open, not the organisation's administration.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Roles & access' }).waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Folders', 'Groups', 'Roles & access', 'Audit trail', 'Jobs']));
    for (const hidden of ['Members', 'Outbox', 'Settings']) expect(links).not.toContain(hidden);

    await nav.getByRole('link', { name: 'Roles & access' }).click();
    await page.getByRole('heading', { name: 'Roles & access', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'New role' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Access by folder' }).click();
    await choose(page, 'Folder', 'Security');
    await page.getByRole('button', { name: 'Grant access' }).click();

    // Granting Owner on Security would hand out permissions Mia does not hold: a translated explanation.
    const grant = page.getByRole('dialog', { name: 'Grant a role on “Security”' });
    await choose(page, 'Group', 'Auditors');
    await choose(page, 'Role', 'Owner');
    await grant.getByRole('button', { name: 'Grant access' }).click();
    await grant
      .getByRole('alert')
      .getByText('You cannot grant “Owner” on this folder: it includes permissions you do not hold here yourself.', {
        exact: false,
      })
      .waitFor();

    // A role within her own rights goes through.
    await choose(page, 'Role', 'Reader');
    await grant.getByRole('button', { name: 'Grant access' }).click();
    await grant.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Auditors/ }).waitFor();
  });
});
