import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clearLeftoverServer } from './leftover.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from './server-process.js';

const quiet = silentEmbeddedLog;

const scratch: string[] = [];
const newClusterDir = () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'rampart-embedded-'));
  scratch.push(parent);
  return path.join(parent, 'postgres');
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

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
    const dir = newClusterDir();
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
    const dir = newClusterDir();
    // Started and never stopped: what a Rampart killed with SIGKILL leaves behind.
    // (Its end is expected here: the next start stops it.)
    await startEmbeddedPostgres(dir, quiet, { onUnexpectedExit() {} });
    const orphan = postmasterPid(dir);
    const warnings: string[] = [];
    const next = await startEmbeddedPostgres(dir, { ...quiet, warn: (_o, message) => warnings.push(message) });
    try {
      expect(isRunning(orphan)).toBe(false);
      expect(postmasterPid(dir)).not.toBe(orphan);
      expect(warnings).toContain('stopping an embedded PostgreSQL left running by an earlier Rampart process');
      expect(await serverVersion(next.url)).toMatch(/^18\./);
    } finally {
      await next.stop();
    }
  });

  it('takes a pid file naming another process for stale: removes it and signals nothing', async () => {
    const dir = newClusterDir();
    const bystander = spawn('sleep', ['30']);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'postmaster.pid'), `${bystander.pid}\n${dir}\n`);
      await clearLeftoverServer(dir, quiet);
      expect(bystander.exitCode).toBeNull();
      expect(isRunning(bystander.pid ?? 0)).toBe(true);
      expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
      // Our own pid, as a container restart may hand it out again: never signalled either.
      writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n`);
      await clearLeftoverServer(dir, quiet);
      expect(existsSync(path.join(dir, 'postmaster.pid'))).toBe(false);
    } finally {
      bystander.kill();
    }
  });

  it('says so when its server is killed behind its back, and hands over to the caller (by default: exit)', async () => {
    const dir = newClusterDir();
    const errors: string[] = [];
    let handedOver!: () => void;
    const over = new Promise<void>((resolve) => {
      handedOver = resolve;
    });
    await startEmbeddedPostgres(
      dir,
      { ...quiet, error: (_o, message) => errors.push(message) },
      {
        onUnexpectedExit: () => handedOver(),
      },
    );
    process.kill(postmasterPid(dir), 'SIGKILL');
    await over;
    expect(errors).toEqual(['embedded PostgreSQL stopped unexpectedly']);
  });
});
