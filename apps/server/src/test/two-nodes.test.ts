import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEmptyPostgresDatabase, type ServerProcess as Node, startNode, stopNode } from './cli-process.js';

/**
 * Two server processes on one PostgreSQL database (DATABASE_URL), as behind a load balancer: state lives in the
 * database, not in a process. The database is made on the test run's server: TEST_DATABASE_URL's, or the
 * embedded PostgreSQL started for the run.
 */
const adminUrl = inject('databaseUrl');

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('two app nodes on one PostgreSQL database', { timeout: 240_000 }, () => {
  let nodes: Node[] = [];
  let sql: pg.Client;
  let drop = async () => {};
  let env: (n: number) => Record<string, string>;

  beforeAll(async () => {
    const database = await createEmptyPostgresDatabase(adminUrl ?? '');
    drop = database.drop;
    env = (n: number) => ({
      DATABASE_URL: database.url,
      RAMPART_DATA_DIR: mkdtempSync(path.join(tmpdir(), `rampart-node${n}-`)),
      SESSION_SECRET: 'two-nodes-share-one-secret-0123456789abcdef',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    });
    nodes = [await startNode(env(1)), await startNode(env(2))];
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 180_000);

  afterAll(async () => {
    await sql?.end();
    await Promise.all(nodes.map((node) => stopNode(node)));
    await drop();
  });

  it('a session made on one node is valid on the other, and a logout on the other ends it everywhere', async () => {
    const [one, two] = nodes;
    if (!one || !two) throw new Error('nodes not started');
    const setup = await fetch(`${one.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'first@example.com',
        displayName: 'First Owner',
        password: 'correct horse battery staple',
        organizationName: 'Two Nodes Ltd',
      }),
    });
    expect(setup.status, await setup.clone().text()).toBe(201);
    const cookie = (setup.headers.getSetCookie().find((c) => c.startsWith('rampart_session=')) ?? '').split(';')[0];
    const { csrfToken } = (await setup.json()) as { csrfToken: string };

    const me = await fetch(`${two.url}/api/v1/auth/me`, { headers: { cookie: cookie ?? '' } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('first@example.com');

    const logout = await fetch(`${two.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookie ?? '', 'x-csrf-token': csrfToken },
    });
    expect(logout.status).toBeLessThan(300);
    const after = await fetch(`${one.url}/api/v1/auth/me`, { headers: { cookie: cookie ?? '' } });
    expect(after.status).toBe(401);
  });

  it('a job enqueued through either node runs exactly once although both nodes work jobs', async () => {
    const [one, two] = nodes;
    if (!one || !two) throw new Error('nodes not started');
    for (const node of [one, two]) {
      const response = await fetch(`${node.url}/api/v1/auth/password-reset/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'first@example.com' }),
      });
      expect(response.status).toBe(202);
    }
    // Without SMTP the delivery job marks each e-mail `stored`; wait for all of them to be handled.
    const emails = await until(async () => {
      const r = await sql.query<{ id: string; status: string }>(
        `select id, status from outbox_emails where "to" = 'first@example.com'`,
      );
      return r.rows.length > 0 && r.rows.every((e) => e.status === 'stored') ? r.rows : undefined;
    }, 'the reset e-mails to be delivered');
    // Give both workers' pick-up loops (every 5 s) a chance to send a duplicate, then count runs.
    await new Promise((r) => setTimeout(r, 7_000));
    const runs = await sql.query<{ emailId: string; status: string; attempts: number }>(
      `select input->>'emailId' as "emailId", status, attempts from job_runs where type = 'mail.deliver'`,
    );
    expect(runs.rows.map((r) => r.emailId).sort()).toEqual(emails.map((e) => e.id).sort());
    for (const run of runs.rows) expect(run).toMatchObject({ status: 'succeeded', attempts: 1 });
    const bossJobs = await sql.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = 'mail.deliver'`,
    );
    expect(bossJobs.rows[0]?.n).toBe(emails.length);
  });

  it('each node stops gracefully on SIGTERM', async () => {
    for (const node of nodes) expect(await stopNode(node), node.output()).toBe(0);
  });

  it('two nodes started at the same moment on an empty database both come up', async () => {
    const database = await createEmptyPostgresDatabase(adminUrl ?? '');
    const fresh = (n: number) => ({ ...env(n), DATABASE_URL: database.url });
    // A rolling deploy: migrations, pg-boss's schema and its queues are all created by whichever node is first.
    const started = await Promise.allSettled([startNode(fresh(3)), startNode(fresh(4))]);
    try {
      for (const result of started) if (result.status === 'rejected') throw result.reason;
    } finally {
      for (const result of started) if (result.status === 'fulfilled') await stopNode(result.value);
      await database.drop();
    }
  });
});
