import { expect, it } from 'vitest';
import { describeBrowser, useRampart } from './support/index.js';

describeBrowser('smoke', () => {
  const rampart = useRampart();

  it('serves the app shell at / and keeps client-side routes on reload', async () => {
    const page = await rampart.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    // The SPA mounted: its root element has content rendered by React, not the "build missing" page.
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    expect(await page.title()).toMatch(/Rampart/);

    const deep = await page.goto('/some/client/route');
    expect(deep?.status()).toBe(200);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  });

  it('renders the API reference at /api/docs', async () => {
    const page = await rampart.newPage();
    await page.goto('/api/docs');
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent()).toMatch(/Rampart API/);
    await page.locator('.opblock-tag', { hasText: 'folders' }).first().waitFor();
  });

  it('answers unknown API paths with problem+json, not the app shell', async () => {
    const response = await fetch(`${rampart.server.url}/api/v1/does-not-exist`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
