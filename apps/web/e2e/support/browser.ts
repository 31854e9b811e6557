import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser (`npx playwright install` cannot work here). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they are skipped with a message, except under `CI=true`, where
 * a missing browser is a failure (a green CI run must have exercised the UI).
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true requires the browser tests`);
  console.warn(`${message}: skipping browser tests.`);
  return false;
}

/**
 * Headless Chromium with everything that phones home switched off. Playwright gives each launch a new, empty
 * user-data-dir, and every `browser.newContext()` is a separate cookie jar (one per simulated person).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
