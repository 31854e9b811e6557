import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { type Config, loadConfig } from '../platform/config.js';
import type { TypedApp } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/client.js';
import { cloneTestDatabase } from './database.js';

export interface TestContext {
  app: TypedApp;
  database: DatabaseHandle;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    RAMPART_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rampart-data-')),
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/** An app on its own cloned database. One per test file; each test makes its own organisation. */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}) {
  const database = await cloneTestDatabase();
  const config = testConfig(options.env);
  const clock = options.clock ?? systemClock;
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  } satisfies TestContext;
}

/** The credentials a signed-in test user sends: cookie + CSRF token, and the organisation to act in. */
export interface Session {
  cookie: string;
  csrfToken: string;
  organizationId?: string;
}

/** `inject` with a session's cookie, CSRF header and organisation header filled in. */
export function call(
  app: TypedApp,
  session: Session | null,
  options: InjectOptions & { organizationId?: string | null },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
    const org = options.organizationId === undefined ? session.organizationId : options.organizationId;
    if (org) headers['x-organization-id'] = org;
  }
  const { organizationId: _ignored, ...rest } = options;
  return app.inject({ ...rest, headers });
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'rampart_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `rampart_session=${cookie.value}`;
}
