import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RunAs } from './run-as.js';

const execFileAsync = promisify(execFile);

/** The role the application uses inside its embedded cluster (the cluster's owner). */
export const ROLE = 'rampart';

/**
 * A new cluster in `dir`. Local connections are trusted: the socket sits in a folder that only the cluster's
 * account can enter, and that account can read the cluster's files anyway — a password would keep out no one
 * who can reach the socket. A folder left empty by a failed attempt is reused; one with other content is not.
 */
export async function createCluster(dir: string, initdb: string, runAs: RunAs): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty and holds no PostgreSQL cluster: move it away, then start Rampart again.`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid ?? runAs.uid);
  await execFileAsync(
    initdb,
    ['-D', dir, '-U', ROLE, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'],
    { ...runAs, env: { ...process.env, TZ: 'UTC' } },
  ).catch((error: { stderr?: string }) => {
    throw new Error(`Could not create the embedded database in ${dir}: ${error.stderr?.trim() || String(error)}`);
  });
}

/**
 * The socket lives in the cluster folder, unless that path is too long for a Unix socket address (about 100
 * bytes): then in a private temporary folder, which `temporary` says to remove after the server stops.
 */
export function socketFolder(dir: string, port: number, runAs: RunAs): { folder: string; temporary: boolean } {
  if (Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}.lock`)) <= 100) return { folder: dir, temporary: false };
  const folder = mkdtempSync(path.join(tmpdir(), 'rampart-pg-'));
  if (runAs.uid !== undefined) chownSync(folder, runAs.uid, runAs.gid ?? runAs.uid);
  return { folder, temporary: true };
}
