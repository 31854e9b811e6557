import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { TypedApp } from './platform/context.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { serveWebUi } from './server.js';
import { testConfig } from './test/app.js';
import { cloneTestDatabase } from './test/database.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await cloneTestDatabase();
});
afterAll(() => database.close());

async function appServing(distDir: string): Promise<TypedApp> {
  const app = await buildApp({ config: testConfig(), database, logger: false });
  await serveWebUi(app, distDir);
  await app.ready();
  return app;
}

describe('web UI serving', () => {
  let app: TypedApp;
  beforeAll(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'rampart-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets/index-abc123.js'), 'console.log(1)');
    app = await appServing(dist);
  });
  afterAll(() => app.close());

  it('serves index.html at / and for client-side routes, revalidated on every load', async () => {
    for (const url of ['/', '/folders/123', '/settings/members?tab=2']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves fingerprinted assets with a long cache life', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps API paths and missing files as problem+json 404s', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/assets/missing.js', '/favicon.ico']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
  });
});

describe('without a web build', () => {
  it('answers pages with instructions to build, and the API as usual', async () => {
    const app = await appServing(path.join(tmpdir(), 'rampart-no-such-dist'));
    try {
      const page = await app.inject({ url: '/anything' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('npm run build');
      expect((await app.inject({ url: '/api/v1/nothing-here' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
