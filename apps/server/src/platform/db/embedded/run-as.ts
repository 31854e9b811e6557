import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Who the PostgreSQL processes run as: the current user, or an unprivileged account when we are root. */
export interface RunAs {
  uid?: number;
  gid?: number;
  /** For messages: the account's name. */
  name: string;
}

/**
 * PostgreSQL refuses to run as root (a compromised server would own the machine). Containers and CI often run
 * Rampart as root, so there the server runs as the `nobody` account, which exists on every Linux and macOS
 * system: nothing is added to the machine (no new user), and the database files belong to that account.
 */
export function runAsFor(uid: number | undefined = process.getuid?.()): RunAs {
  if (uid !== 0) return { name: 'the current user' };
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'nobody');
  // macOS writes its nobody as -2, which the system reads as the unsigned 4294967294.
  const id = (value: string | undefined) => (value && /^-?\d+$/.test(value) ? Number(value) >>> 0 : 65534);
  return { uid: id(entry?.[2]), gid: id(entry?.[3]), name: 'nobody' };
}

/** The folders above `target` that do not let other users through (empty: `nobody` can reach it). */
export function foldersBlocking(target: string): string[] {
  let dir = path.dirname(path.resolve(target));
  const blocked: string[] = [];
  for (;;) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    } catch {
      // Not created yet: its parents decide.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return blocked;
    dir = parent;
  }
}

/**
 * When the server runs as `nobody`, every folder above its files must let others through (the x bit), or it
 * fails with a bare "permission denied". Say which folder blocks it, before starting anything.
 */
export function checkReachable(runAs: RunAs, paths: string[]): void {
  if (runAs.uid === undefined) return;
  for (const target of paths) {
    const blocked = foldersBlocking(target);
    if (blocked.length > 0) {
      throw new Error(
        `Rampart runs as root, so its embedded PostgreSQL runs as the unprivileged account "${runAs.name}", ` +
          `which cannot reach ${target}: ${blocked.join(', ')} ${blocked.length === 1 ? 'does' : 'do'} not let ` +
          'other users through. Run Rampart as a normal user, move RAMPART_DATA_DIR and the installation to a ' +
          'reachable place, or set DATABASE_URL.',
      );
    }
  }
}

/**
 * The data directory is Rampart's own: when it is private (a `mkdtemp` folder, say), let the server's account
 * pass through it to its cluster folder — passing only, not listing, and every file in it keeps its own mode.
 */
export function letThrough(runAs: RunAs, dataDir: string): void {
  if (runAs.uid === undefined) return;
  const mode = statSync(dataDir).mode & 0o7777;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o001);
}
