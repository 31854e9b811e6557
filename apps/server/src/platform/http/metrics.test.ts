import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestApp, testConfig } from '../../test/app.js';
import { jobRuns } from '../jobs/tables.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const scrape = async (app = t.app) => {
  const response = await app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body;
};

describe('GET /metrics', () => {
  it('labels request durations by route pattern and status, never by raw URL', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: `/api/v1/folders/${randomUUID()}` });
    await t.app.inject({ method: 'GET', url: '/no/such/route' });
    const body = await scrape();
    expect(body).toContain(
      'rampart_http_request_duration_seconds_count{method="GET",route="/api/v1/folders/:id",status_code="401"} 3',
    );
    expect(body).toContain('route="unmatched",status_code="404"');
    expect(body).not.toMatch(/route="\/api\/v1\/folders\/[0-9a-f]{8}-/);
    expect(body).not.toContain('route="/metrics"');
  });

  it('reports queue depth from job_runs, process metrics and (on PostgreSQL) the pool', async () => {
    await t.database.db.insert(jobRuns).values([
      { type: 'test.a', status: 'queued' },
      { type: 'test.a', status: 'queued' },
      { type: 'test.b', status: 'running' },
      { type: 'test.b', status: 'succeeded' },
    ]);
    const body = await scrape();
    expect(body).toContain('rampart_job_runs{status="queued"} 2');
    expect(body).toContain('rampart_job_runs{status="running"} 1');
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(body).toMatch(/^rampart_db_pool_connections\{state="total"\} \d+/m);
  });

  it('keeps one registry per app, so several apps live in one process', async () => {
    const second = await buildApp({ config: testConfig(), database: t.database, logger: false });
    try {
      await second.inject({ method: 'GET', url: '/health' });
      const body = await scrape(second);
      expect(body).toContain(
        'rampart_http_request_duration_seconds_count{method="GET",route="/health",status_code="200"} 1',
      );
      expect(body).not.toContain('route="/api/v1/folders/:id"');
    } finally {
      await second.close();
    }
  });

  it('answers only the scraper token when METRICS_TOKEN is set', async () => {
    const token = 'scraper-secret-0123456789';
    const guarded = await buildApp({
      config: testConfig({ METRICS_TOKEN: token }),
      database: t.database,
      logger: false,
    });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', token, `Basic ${token}`]) {
        const refused = await guarded.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect(refused.statusCode, String(authorization)).toBe(401);
        expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(refused.json()).toMatchObject({ code: 'unauthenticated' });
        expect(refused.body).not.toContain('rampart_');
      }
      const allowed = await guarded.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.body).toContain('rampart_job_runs');
    } finally {
      await guarded.close();
    }
    expect(() => testConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('is not part of the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).not.toContain('/metrics');
  });
});
