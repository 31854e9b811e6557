import { expect, it } from 'vitest';
import { choose, folderTree, PASSWORD, signIn, signOut } from './helpers.js';
import { describeBrowser, firstLink, useRampart } from './support/index.js';

describeBrowser('onboarding journey', () => {
  const rampart = useRampart();

  it('sets up, creates a folder, invites a member who then sees only that folder', async () => {
    const owner = await rampart.newPage();

    // First run: the app sends a fresh installation to the setup page.
    await owner.goto('/');
    await owner.getByRole('heading', { name: 'Set up Rampart' }).waitFor();
    await owner.getByLabel('Organisation name').fill('Acme Corp');
    await owner.getByLabel('Your name').fill('Alice Owner');
    await owner.getByLabel('E-mail address').fill('alice@example.com');
    await owner.getByLabel('Password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Create and sign in' }).click();
    await owner.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    await signOut(owner);
    await signIn(owner, 'alice@example.com');
    await owner.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    // A subfolder under the organisation's root.
    await owner.getByRole('button', { name: 'New subfolder' }).click();
    await owner.getByRole('dialog').getByLabel('Name').fill('Security');
    await owner.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await folderTree(owner).getByRole('button', { name: 'Security' }).waitFor();

    // Invite Bob as a reader of that folder only.
    await owner.getByRole('link', { name: 'Members' }).click();
    await owner.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('E-mail address').fill('bob@example.com');
    await choose(owner, 'Role', 'Reader');
    await choose(owner, 'Folder', 'Acme Corp / Security');
    await dialog.getByRole('button', { name: 'Invite someone' }).click();
    await owner.getByText('Invitation sent to bob@example.com').waitFor();

    // The invitation e-mail sits in the outbox (no SMTP): read its link through the API, as an owner.
    const api = rampart.api();
    await api.login('alice@example.com', PASSWORD);
    const email = await api.waitForEmail('bob@example.com');
    const link = new URL(firstLink(email));

    // Bob, in his own browser context, accepts and creates his account.
    const member = await rampart.newPage();
    await member.goto(`${link.pathname}${link.search}`);
    await member.getByRole('heading', { name: 'Accept the invitation' }).waitFor();
    await member.getByText('Acme Corp').waitFor();
    await member.getByLabel('Your name').fill('Bob Member');
    await member.getByLabel('Choose a password').fill(PASSWORD);
    await member.getByRole('button', { name: 'Accept the invitation' }).click();
    await member.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    // Signing in again lands him in the organisation, seeing the Security folder and nothing above it.
    await signOut(member);
    await signIn(member, 'bob@example.com');
    await member.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
    await folderTree(member).getByRole('button', { name: 'Security' }).waitFor();
    expect(await folderTree(member).getByRole('button').allTextContents()).toEqual(['Security']);
    // A reader cannot create, rename or delete, so those actions are not offered.
    expect(await member.getByRole('button', { name: 'New subfolder' }).count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Delete' }).count()).toBe(0);
  });
});
