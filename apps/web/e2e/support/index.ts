import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { ApiSession } from './api.js';
import { chromiumAvailable, launchBrowser } from './browser.js';
import { type RampartServer, type StartOptions, startRampart } from './server.js';

export { ApiSession, firstLink, type OutboxEmail } from './api.js';
export { chromiumAvailable, launchBrowser } from './browser.js';
export { type RampartServer, startRampart } from './server.js';

/** `describe` for browser tests: skipped with a message when Chromium is missing (a failure under CI=true). */
export const describeBrowser = (name: string, fn: () => void) =>
  chromiumAvailable() ? describe(name, fn) : describe.skip(name, fn);

export interface E2E {
  server: RampartServer;
  browser: Browser;
  /** A new person: their own cookie jar, pages resolving relative URLs against the server. */
  newContext(): Promise<BrowserContext>;
  /** A page in a new context; `page.goto('/')` opens the app. Uncaught page errors fail the test file. */
  newPage(): Promise<Page>;
  /** An API client on this server, not signed in. */
  api(): ApiSession;
}

/**
 * One server process (fresh database) and one Chromium for the enclosing test file; call at the top of a
 * `describeBrowser` block. Everything is torn down after the file.
 */
export function useRampart(options: StartOptions = {}): E2E {
  let server: RampartServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRampart(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use the E2E object inside a test`);
    return value;
  };
  const e2e: E2E = {
    get server() {
      return need(server, 'the server');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    async newContext() {
      const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'en-GB' });
      context.setDefaultTimeout(15_000);
      return context;
    },
    async newPage() {
      const page = await (await e2e.newContext()).newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    api: () => new ApiSession(e2e.server.url),
  };
  return e2e;
}
