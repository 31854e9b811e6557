import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const serverDir = fileURLToPath(new URL('../../../server', import.meta.url));

export interface RampartServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** Everything the server wrote so far (JSON log lines), for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for the server (e.g. SESSION_TTL_HOURS). */
  env?: Record<string, string>;
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSourceMtime(full) : stat.mtimeMs);
  }
  return newest;
}

/** The built CLI when it is up to date (as `npm test` leaves it), otherwise the sources through tsx. */
function cliCommand(): string[] {
  const built = path.join(serverDir, 'dist/cli.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSourceMtime(path.join(serverDir, 'src'))) {
    return [built, 'start'];
  }
  return ['--import', 'tsx', path.join(serverDir, 'src/cli.ts'), 'start'];
}

/**
 * A fresh database for one server: a new PostgreSQL database when TEST_DATABASE_URL is set (dropped on stop),
 * otherwise a temporary embedded data directory.
 */
async function freshDatabase(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rampart-e2e-'));
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { env: { RAMPART_DATA_DIR: dataDir }, dispose: removeDir };
  const name = `rampart_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    env: { RAMPART_DATA_DIR: dataDir, DATABASE_URL: databaseUrl.toString() },
    async dispose() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      await removeDir();
    },
  };
}

/**
 * Starts a real Rampart server process on a free port (PORT=0; the port is read from its "ready" log line) and
 * waits until `/ready` answers 200.
 */
export async function startRampart(options: StartOptions = {}): Promise<RampartServer> {
  const database = await freshDatabase();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, cliCommand(), {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      SMTP_URL: '',
      TEST_DATABASE_URL: '',
      ...database.env,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.dispose();
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Rampart is ready"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${url}/ready`).catch(() => null);
    if (response?.status === 200) break;
    if (attempt > 100) {
      await stop();
      throw new Error(`${url}/ready never answered 200:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, logs: () => output, stop };
}
