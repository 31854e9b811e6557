import { authenticator } from 'otplib';
import { expect, it } from 'vitest';
import { PASSWORD, signIn, signOut } from './helpers.js';
import { describeBrowser, useRampart } from './support/index.js';

/** A code for the next 30-second step: the server accepts one step of drift but never a step already spent. */
const nextCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

describeBrowser('two-factor authentication', () => {
  const rampart = useRampart();

  it('enrols TOTP on the profile page and asks for a code at the next sign-in', async () => {
    await rampart.api().setup({
      email: 'carol@example.com',
      displayName: 'Carol',
      password: PASSWORD,
      organizationName: 'Carol Co',
    });
    const page = await rampart.newPage();
    await signIn(page, 'carol@example.com');
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('img', { name: 'QR code to add Rampart to an authenticator app' }).waitFor();
    const secret = (await dialog.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await dialog.getByLabel('Code from the app').fill(authenticator.generate(secret));
    await dialog.getByRole('button', { name: 'Turn on' }).click();

    // Recovery codes are shown once, then the profile says two-factor is on.
    const codes = dialog.getByTestId('recovery-codes');
    await codes.waitFor();
    expect((await codes.locator('code').allTextContents()).length).toBe(10);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Signing in asks for a code from your authenticator app.').waitFor();

    await signOut(page);
    await signIn(page, 'carol@example.com');
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();

    // A wrong code is refused on the field, then the right one signs in.
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Wrong or already used code.').waitFor();
    await page.getByLabel('Authentication code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Folders', level: 1 }).waitFor();
  });
});
