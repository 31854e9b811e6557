import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findBinaries } from './binaries.js';
import { checkReachable, letThrough, type RunAs, runAsFor } from './run-as.js';

const execFileAsync = promisify(execFile);

/** The role and database the application uses inside its embedded cluster. */
const ROLE = 'rampart';
const DATABASE = 'rampart';
/** With a Unix socket the port only names the socket file; a fixed one keeps the URL stable. */
const PORT = 5432;

export interface EmbeddedLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EmbeddedPostgres {
  /** A node-postgres URL on the cluster's Unix socket. */
  url: string;
  /** PostgreSQL's version, e.g. `18.4`. */
  version: string;
  /** Fast shutdown (open transactions roll back, a checkpoint is written); resolves when the server has exited. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL itself, run as a child process with its cluster in `dir` (inside the data directory, so backing up
 * the data directory still backs up everything). It listens on a Unix socket in a folder only its owner can enter
 * and on no TCP port, so trust authentication admits only this machine's account that runs Rampart.
 * The caller holds the data-directory lock: any server still running on `dir` is an orphan of a crashed Rampart.
 */
export async function startEmbeddedPostgres(dir: string, log: EmbeddedLog): Promise<EmbeddedPostgres> {
  if (process.platform === 'win32') {
    throw new Error('The embedded database needs Unix sockets (Linux, macOS); on Windows set DATABASE_URL.');
  }
  const runAs = runAsFor();
  const binaries = await findBinaries(runAs);
  // The data directory keeps the usual permissions; only the cluster folder inside it is private.
  mkdirSync(path.dirname(dir), { recursive: true });
  letThrough(runAs, path.dirname(dir));
  checkReachable(runAs, [binaries.postgres, dir]);
  const started = performance.now();
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await initialise(dir, binaries.initdb, runAs, log);
  await stopOrphan(dir, log);
  const socketDir = socketFolder(dir, runAs);
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dir,
      '-k',
      socketDir,
      '-p',
      String(PORT),
      '-c',
      'listen_addresses=',
      '-c',
      'unix_socket_permissions=0700',
      // A small footprint: one team's data fits, and the application's pool plus the job queue's stay far below.
      '-c',
      'shared_buffers=64MB',
      '-c',
      'max_connections=50',
      '-c',
      'logging_collector=off',
    ],
    // Its own process group: a terminal's Ctrl-C reaches Rampart, which stops the database after the requests.
    { ...runAs, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const output = capture(child, log);
  // The socket folder travels as the `host` parameter (it wins over the name before the path, which URL parsers need).
  const url = `postgresql://${ROLE}@localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A crash of Rampart must not leave the server behind; the next start also stops an orphan (see above).
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  try {
    await waitUntilAccepting(socketDir, child, output);
    await ensureDatabase(socketDir);
  } catch (error) {
    child.kill('SIGINT');
    await exited;
    process.removeListener('exit', killOnExit);
    throw error;
  }
  log.debug({ ms: Math.round(performance.now() - started), version: binaries.version }, 'embedded PostgreSQL started');
  let stopping: Promise<void> | undefined;
  return {
    url,
    version: binaries.version,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT');
          const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
          await exited;
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
}

/**
 * The socket lives in the cluster folder, unless that path is too long for a Unix socket address (about 100
 * bytes): then in a private temporary folder.
 */
function socketFolder(dir: string, runAs: RunAs): string {
  if (Buffer.byteLength(path.join(dir, `.s.PGSQL.${PORT}.lock`)) <= 100) return dir;
  const folder = mkdtempSync(path.join(tmpdir(), 'rampart-pg-'));
  if (runAs.uid !== undefined) chownSync(folder, runAs.uid, runAs.gid ?? runAs.uid);
  return folder;
}

async function initialise(dir: string, initdb: string, runAs: RunAs, log: EmbeddedLog) {
  const started = performance.now();
  mkdirSync(dir, { mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid ?? runAs.uid);
  await execFileAsync(
    initdb,
    ['-D', dir, '-U', ROLE, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'],
    runAs,
  ).catch((error: { stderr?: string }) => {
    throw new Error(`Could not create the embedded database in ${dir}: ${error.stderr?.trim() || String(error)}`);
  });
  log.debug({ ms: Math.round(performance.now() - started) }, 'embedded PostgreSQL cluster created');
}

/** The pid of a server still running on `dir` (its `postmaster.pid` names a live process), else undefined. */
function runningServerPid(dir: string): number | undefined {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** A server left by a Rampart that was killed (kill -9, power cut of the parent only): stop it before starting. */
async function stopOrphan(dir: string, log: EmbeddedLog) {
  const pid = runningServerPid(dir);
  if (pid === undefined) return;
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier Rampart process');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; runningServerPid(dir) !== undefined; waited += 50) {
    if (waited === 10_000) process.kill(pid, 'SIGQUIT');
    if (waited > 20_000) throw new Error(`The PostgreSQL server ${pid} left on ${dir} does not stop`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Keeps the server's last lines for an error message and passes warnings on to the log. */
function capture(child: ChildProcess, log: EmbeddedLog) {
  const lines: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > 50) lines.shift();
      if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) log.warn({ postgres: line }, 'embedded PostgreSQL');
    }
  });
  return lines;
}

async function waitUntilAccepting(socketDir: string, child: ChildProcess, output: string[]) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The embedded PostgreSQL stopped while starting:\n${output.join('\n')}`);
    }
    const client = new pg.Client({ host: socketDir, port: PORT, user: ROLE, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL did not start:\n${output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function ensureDatabase(socketDir: string) {
  const client = new pg.Client({ host: socketDir, port: PORT, user: ROLE, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}
