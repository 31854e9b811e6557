import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { TypedApp } from './platform/context.js';
import type { DatabaseHandle } from './platform/db/client.js';
import { serveWebUi } from './server.js';
import { testConfig } from './test/app.js';
import { cloneTestDatabase } from './test/database.js';

const bigScript = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};`;

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
    writeFileSync(path.join(dist, 'assets/big-def456.js'), bigScript);
    // What the build writes beside each file: the same bytes, compressed once.
    writeFileSync(path.join(dist, 'assets/big-def456.js.br'), brotliCompressSync(bigScript));
    writeFileSync(path.join(dist, 'assets/big-def456.js.gz'), gzipSync(bigScript));
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

  it("sends the build's precompressed twin that the browser accepts, and the file itself otherwise", async () => {
    const url = '/assets/big-def456.js';
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(bigScript);
    expect(brotli.headers['cache-control']).toContain('immutable');
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(bigScript);
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bigScript);
  });

  it('compresses API answers above 1 KiB by Accept-Encoding, and leaves small ones alone', async () => {
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br;q=1, gzip;q=0.5' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(plain.json());
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    const gzip = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
    const small = await app.inject({ url: '/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
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
