import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './server-process.js';

const quiet = { debug() {}, warn() {} };

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = (dir: string) => Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);

async function serverVersion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query('show server_version')).rows[0]?.server_version);
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', { timeout: 60_000 }, () => {
  it('creates its cluster once, serves on a socket only, and stops with a clean shutdown', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rampart-embedded-')), 'postgres');
    const first = await startEmbeddedPostgres(dir, quiet);
    expect(await serverVersion(first.url)).toMatch(/^18\./);
    expect(first.url).not.toMatch(/127\.0\.0\.1|:\d+\//);
    const pid = postmasterPid(dir);
    await first.stop();
    expect(isRunning(pid)).toBe(false);

    const again = await startEmbeddedPostgres(dir, quiet);
    expect(await serverVersion(again.url)).toMatch(/^18\./);
    await again.stop();
  });

  it('stops a server an earlier, crashed process left running before starting its own', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rampart-embedded-')), 'postgres');
    // Started and never stopped: what a Rampart killed with SIGKILL leaves behind.
    await startEmbeddedPostgres(dir, quiet);
    const orphan = postmasterPid(dir);
    const warnings: string[] = [];
    const next = await startEmbeddedPostgres(dir, { debug() {}, warn: (_o, message) => warnings.push(message) });
    try {
      expect(isRunning(orphan)).toBe(false);
      expect(postmasterPid(dir)).not.toBe(orphan);
      expect(warnings).toContain('stopping an embedded PostgreSQL left running by an earlier Rampart process');
      expect(await serverVersion(next.url)).toMatch(/^18\./);
    } finally {
      await next.stop();
    }
  });
});
