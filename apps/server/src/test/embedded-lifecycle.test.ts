import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, startNode, stopNode } from './cli-process.js';

/**
 * `rampart start` on the embedded database, as an operator runs it: the PostgreSQL it starts in the data
 * directory lives and dies with it, whichever way it stops.
 */
const postmasterPid = (dataDir: string) => {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
};

/** Alive, and not a zombie: a server whose parent was killed is reaped by whoever adopted it, maybe never here. */
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function untilGone(pid: number) {
  for (let waited = 0; isRunning(pid); waited += 50) {
    if (waited > 15_000) throw new Error(`process ${pid} still runs`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the embedded database under rampart start', { timeout: 240_000 }, () => {
  const env = {
    RAMPART_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rampart-lifecycle-')),
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
  };

  it('refuses a second process, and stops its PostgreSQL on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const node = await startNode(env);
      const postgres = postmasterPid(env.RAMPART_DATA_DIR);
      expect(postgres && isRunning(postgres)).toBe(true);
      if (signal === 'SIGTERM') {
        const second = await runCli(['migrate'], env);
        expect(second.code).toBe(1);
        expect(second.stderr).toMatch(/Another Rampart process \(pid \d+\) is using/);
      }
      expect(await stopNode(node, signal)).toBe(0);
      await untilGone(postgres ?? 0);
      expect(postmasterPid(env.RAMPART_DATA_DIR)).toBeUndefined();
    }
  });

  it('after a kill -9, the next start stops the PostgreSQL left behind and serves the same data', async () => {
    const killed = await startNode(env);
    const orphan = postmasterPid(env.RAMPART_DATA_DIR) ?? 0;
    await stopNode(killed, 'SIGKILL');
    expect(isRunning(orphan)).toBe(true);

    const next = await startNode(env);
    try {
      expect(isRunning(orphan)).toBe(false);
      expect(next.output()).toMatch(/stopping an embedded PostgreSQL left running by an earlier Rampart process/);
      expect((await fetch(`${next.url}/ready`)).status).toBe(200);
    } finally {
      expect(await stopNode(next)).toBe(0);
    }
  });

  it('a command interrupted while its database runs stops that database too', async () => {
    const child = spawnCli(['migrate'], env);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let postgres: number | undefined;
    for (let waited = 0; postgres === undefined; waited += 20) {
      if (waited > 60_000) throw new Error('the command never started its database');
      postgres = postmasterPid(env.RAMPART_DATA_DIR);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGTERM');
    await exited;
    await untilGone(postgres);
    expect(postmasterPid(env.RAMPART_DATA_DIR)).toBeUndefined();
  });
});
