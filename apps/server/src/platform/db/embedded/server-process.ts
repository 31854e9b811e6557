import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findBinaries } from './binaries.js';
import { createCluster, ROLE, socketFolder } from './cluster.js';
import { clearLeftoverServer } from './leftover.js';
import { checkReachable, letThrough, runAsFor } from './run-as.js';

/** The database the application uses inside its embedded cluster. */
const DATABASE = 'rampart';
/** With a Unix socket the port only names the socket file; a fixed one keeps the URL stable. */
const PORT = 5432;

export interface EmbeddedLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** For callers without a logger of their own (tests, benches, one-off commands). */
export const silentEmbeddedLog: EmbeddedLog = { debug() {}, warn() {}, error() {} };

export interface EmbeddedPostgres {
  /** A node-postgres URL on the cluster's Unix socket. */
  url: string;
  /** PostgreSQL's version, e.g. `18.4.0`. */
  version: string;
  /** Fast shutdown (open transactions roll back, a checkpoint is written); resolves when the server has exited. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL itself, run as a child process with its cluster in `dir` (inside the data directory, so backing up
 * the data directory still backs up everything). It listens on a Unix socket in a folder only the cluster's
 * account can enter, and on no TCP port (see `createCluster` on trust authentication). The caller holds the
 * data-directory lock: a server still running on `dir` is an orphan of a Rampart that was killed.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: EmbeddedLog,
  options: {
    maxConnections?: number;
    /** When the server stops without being asked; by default the process ends (see below). */
    onUnexpectedExit?: () => void;
  } = {},
): Promise<EmbeddedPostgres> {
  if (process.platform === 'win32') {
    throw new Error('The embedded database needs Unix sockets (Linux, macOS); on Windows set DATABASE_URL.');
  }
  const runAs = runAsFor();
  // The data directory keeps the usual permissions; only the cluster folder inside it is private.
  const dataDir = path.dirname(dir);
  mkdirSync(dataDir, { recursive: true });
  letThrough(runAs, dataDir);
  const binaries = await findBinaries(runAs, dataDir);
  checkReachable(runAs, [binaries.postgres, dir]);
  const started = performance.now();
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    await createCluster(dir, binaries.initdb, runAs);
    log.debug({ ms: Math.round(performance.now() - started) }, 'embedded PostgreSQL cluster created');
  }
  await clearLeftoverServer(dir, log);
  const socket = socketFolder(dir, PORT, runAs);
  const settings = {
    listen_addresses: '',
    unix_socket_permissions: '0700',
    // A small footprint: one team's data fits; connections for the application's pool, the job queue's and a margin.
    shared_buffers: '64MB',
    max_connections: String(Math.max(50, (options.maxConnections ?? 0) + 10)),
    logging_collector: 'off',
    // As PGlite ran, and whatever the host's zone: timestamps print the same everywhere.
    timezone: 'UTC',
    log_timezone: 'UTC',
  };
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dir,
      '-k',
      socket.folder,
      '-p',
      String(PORT),
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    // Its own process group: a terminal's Ctrl-C reaches Rampart, which stops the database after the requests.
    { ...runAs, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const output = capture(child, log);
  // The socket folder travels as the `host` parameter (it wins over the name before the path, which URL parsers need).
  const url = `postgresql://${ROLE}@localhost/${DATABASE}?host=${encodeURIComponent(socket.folder)}&port=${PORT}`;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const stopNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  // Node runs no 'exit' handler when a signal it does not handle ends it, and the server, in its own process
  // group, sees no terminal signal: while nothing else handles them (a CLI command, a start still booting), the
  // signals stop the server, then end the process as the signal would have. `rampart start` installs its own
  // graceful shutdown, which stops the server after the requests.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    stopNow();
    void exited.then(() => process.exit(128 + (osConstants.signals[signal] ?? 1)));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  process.once('exit', stopNow);
  const detach = () => {
    for (const signal of signals) process.removeListener(signal, onSignal);
    process.removeListener('exit', stopNow);
  };
  try {
    await waitUntilAccepting(socket.folder, child, output, () => spawnError);
    await ensureDatabase(socket.folder);
  } catch (error) {
    stopNow();
    await exited;
    detach();
    throw error;
  }
  log.debug({ ms: Math.round(performance.now() - started), version: binaries.version }, 'embedded PostgreSQL started');
  let stopping: Promise<void> | undefined;
  // Killed behind Rampart's back (the OOM killer, an operator): every request would fail from now on, so say why
  // and end the process, for its supervisor (systemd, Docker, npm start) to start both again.
  void exited.then(() => {
    if (stopping) return;
    const facts = { exitCode: child.exitCode, signal: child.signalCode, last: output.slice(-5) };
    log.error(facts, 'embedded PostgreSQL stopped unexpectedly');
    detach();
    (options.onUnexpectedExit ?? (() => process.exit(1)))();
  });
  return {
    url,
    version: binaries.version,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null && !spawnError) {
          child.kill('SIGINT');
          // Fast shutdown rolls back and checkpoints; past 5 s, immediate shutdown (recovery at the next start).
          const timer = setTimeout(() => child.kill('SIGQUIT'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        detach();
        if (socket.temporary) rmSync(socket.folder, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** Keeps the server's last lines for an error message and passes warnings on to the log. */
function capture(child: ChildProcess, log: EmbeddedLog) {
  const lines: string[] = [];
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    // A line may straddle two chunks: keep the unfinished end for the next one.
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts.filter(Boolean)) {
      lines.push(line);
      if (lines.length > 50) lines.shift();
      if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) log.warn({ postgres: line }, 'embedded PostgreSQL');
    }
  });
  return lines;
}

async function waitUntilAccepting(
  socketDir: string,
  child: ChildProcess,
  output: string[],
  spawnError: () => Error | undefined,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const failed = spawnError();
    if (failed) throw new Error(`The embedded PostgreSQL could not be started: ${failed.message}`);
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
