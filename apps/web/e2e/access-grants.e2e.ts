import { expect, it } from 'vitest';
import { choose, PASSWORD, signIn } from './helpers.js';
import { describeBrowser, firstLink, useRampart } from './support/index.js';

interface Binding {
  roleName: string;
  subject: { type: 'user' | 'group'; displayName: string };
}

describeBrowser('members, groups and role bindings', () => {
  const rampart = useRampart();

  it('invites a member with a role on a folder, puts them in a group and grants the group a role', async () => {
    // Arrange through the API: the UI under test starts at the Members page.
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

    const owner = await rampart.newPage();
    await signIn(owner, 'olivia@example.com');
    await owner.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    // Invite Carol as a contributor on the Security folder; the invitation waits in the Invitations tab.
    await owner.getByRole('link', { name: 'Members' }).click();
    await owner.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    await owner.getByRole('button', { name: 'Invite someone' }).click();
    const invite = owner.getByRole('dialog');
    await invite.getByLabel('E-mail address').fill('carol@example.com');
    await choose(owner, 'Role', 'Contributor');
    await choose(owner, 'Folder', 'Acme Corp / Security');
    await invite.getByRole('button', { name: 'Invite someone' }).click();
    await owner.getByText('Invitation sent to carol@example.com').waitFor();
    await invite.waitFor({ state: 'hidden' });
    await owner.getByRole('tab', { name: 'Invitations' }).click();
    const invitationRow = owner.getByRole('row', { name: /carol@example\.com/ });
    await invitationRow.getByText('Pending').waitFor();
    expect(await invitationRow.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Contributor', 'Security']),
    );

    // Carol accepts from the e-mail's link (through the API: the acceptance page has its own journey).
    const link = new URL(firstLink(await api.waitForEmail('carol@example.com')));
    await rampart.api().request('POST', '/api/v1/invitations/accept', {
      token: link.searchParams.get('token'),
      displayName: 'Carol Contributor',
      password: PASSWORD,
    });
    await owner.reload();
    await owner.getByRole('tab', { name: 'Members' }).click();
    const carolRow = owner.getByRole('row', { name: /Carol Contributor/ });
    await carolRow.getByText('Contributor on Security').waitFor();

    // A group, with Carol in it.
    await owner.getByRole('link', { name: 'Groups' }).click();
    await owner.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await owner.getByRole('button', { name: 'New group' }).click();
    const groupForm = owner.getByRole('dialog');
    await groupForm.getByLabel('Name').fill('Auditors');
    await groupForm.getByRole('button', { name: 'Create' }).click();
    await groupForm.waitFor({ state: 'hidden' });
    const groupRow = owner.getByRole('row', { name: /Auditors/ });
    await groupRow.getByText('0 members').waitFor();
    await groupRow.getByRole('button', { name: 'Manage members' }).click();
    const membersDialog = owner.getByRole('dialog', { name: 'Members of “Auditors”' });
    await choose(owner, 'Add a member', 'Carol Contributor <carol@example.com>');
    await membersDialog.getByRole('button', { name: 'Add', exact: true }).click();
    await membersDialog.getByRole('button', { name: 'Remove Carol Contributor' }).waitFor();
    await owner.keyboard.press('Escape');
    await groupRow.getByText('1 member').waitFor();

    // The group gets the Auditor role on Security, from the access-by-folder tab.
    await owner.getByRole('link', { name: 'Roles & access' }).click();
    await owner.getByRole('heading', { name: 'Roles & access', level: 1 }).waitFor();
    await owner.getByRole('tab', { name: 'Access by folder' }).click();
    await choose(owner, 'Folder', 'Acme Corp / Security');
    await owner.getByRole('row', { name: /Carol Contributor/ }).waitFor();
    await owner.getByRole('button', { name: 'Grant access' }).click();
    const grant = owner.getByRole('dialog', { name: 'Grant a role on “Security”' });
    await grant.getByText('A group', { exact: true }).click();
    await choose(owner, 'Group', 'Auditors');
    await choose(owner, 'Role', 'Auditor');
    await grant.getByRole('button', { name: 'Grant access' }).click();
    await grant.waitFor({ state: 'hidden' });
    await owner
      .getByRole('row', { name: /Auditors/ })
      .getByText('Auditor', { exact: true })
      .waitFor();

    // The server holds exactly what the UI showed: Carol directly, the group through its binding.
    const bindings = await api.request<{ items: Binding[] }>('GET', `/api/v1/role-bindings?folderId=${security.id}`);
    expect(bindings.items.map((b) => ({ type: b.subject.type, who: b.subject.displayName, role: b.roleName }))).toEqual(
      expect.arrayContaining([
        { type: 'user', who: 'Carol Contributor', role: 'Contributor' },
        { type: 'group', who: 'Auditors', role: 'Auditor' },
      ]),
    );
    expect(bindings.items).toHaveLength(2);
  });
});
