/**
 * How much JavaScript a first visit to the login page downloads. Starts a real Rampart server (the one the browser
 * tests use: fresh database, serving `apps/web/dist`), completes setup through the API, opens `/login` in headless Chromium, waits for the sign-in
 * form, and sums the JS responses gzipped at level 9 (the server may or may not compress, so the figure does not
 * depend on it). Also prints the whole build's JS for comparison. Build the web first. From the repository root:
 *
 *   npm run build -w apps/web && npx tsx bench/web/first-load.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ApiSession } from '../../apps/web/e2e/support/api.js';
import { launchBrowser } from '../../apps/web/e2e/support/browser.js';
import { startRampart } from '../../apps/web/e2e/support/server.js';

const distAssets = path.resolve('apps/web/dist/assets');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

const server = await startRampart();
// Past first-run setup, so /login shows the sign-in form rather than redirecting to /setup.
await new ApiSession(server.url).setup({
  email: 'owner@example.com',
  displayName: 'Bench',
  password: 'correct horse battery staple',
  organizationName: 'Bench',
});
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.endsWith('.js')) return;
    scripts.set(url, await response.body());
  });
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.waitForLoadState('networkidle');

  let raw = 0;
  let gz = 0;
  for (const [url, body] of [...scripts].sort(([a], [b]) => a.localeCompare(b))) {
    raw += body.length;
    gz += gzipped(body);
    console.log(`  ${path.basename(new URL(url).pathname).padEnd(44)} ${kb(gzipped(body)).padStart(10)} gz`);
  }
  console.log(`Login first load: ${scripts.size} JS files, ${kb(raw)} raw, ${kb(gz)} gzipped`);

  const all = readdirSync(distAssets).filter((name) => name.endsWith('.js'));
  const bodies = all.map((name) => readFileSync(path.join(distAssets, name)));
  const totalRaw = bodies.reduce((sum, body) => sum + body.length, 0);
  const totalGz = bodies.reduce((sum, body) => sum + gzipped(body), 0);
  console.log(`Whole build: ${all.length} JS files, ${kb(totalRaw)} raw, ${kb(totalGz)} gzipped`);
} finally {
  await browser.close();
  await server.stop();
}
