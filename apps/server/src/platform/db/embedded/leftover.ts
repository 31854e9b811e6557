import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface LeftoverLog {
  warn(obj: object, msg: string): void;
}

/** The command line of a live process, or undefined when there is none (or it cannot be read). */
function commandLineOf(pid: number): string | undefined {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z/.test(stat)) return undefined; // a zombie has exited already
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    }
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pid of a PostgreSQL server still running on `dir`: its `postmaster.pid` names a live process whose command
 * line is a `postgres` started on this very folder (as Rampart starts it: `postgres -D <dir>`). A pid file alone
 * proves nothing — after a reboot or a container restart its number may belong to any process, even to this one.
 */
export function leftoverServerPid(dir: string): number | undefined {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || pid === process.ppid) return undefined;
  const command = commandLineOf(pid);
  if (!command || !/\bpostgres\b/.test(command) || !command.includes(` -D ${dir} `)) return undefined;
  return pid;
}

/**
 * Before starting on `dir` (under the data-directory lock, so no live Rampart owns it): a server left running by
 * a Rampart that was killed is stopped; a `postmaster.pid` that names no such server is stale and removed, or
 * PostgreSQL would refuse to start whenever its number now belongs to another process.
 */
export async function clearLeftoverServer(dir: string, log: LeftoverLog): Promise<void> {
  const pid = leftoverServerPid(dir);
  if (pid === undefined) {
    rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    return;
  }
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier Rampart process');
  try {
    process.kill(pid, 'SIGINT');
    for (let waited = 0; leftoverServerPid(dir) !== undefined; waited += 50) {
      if (waited === 5_000) process.kill(pid, 'SIGQUIT');
      if (waited > 15_000) throw new Error(`The PostgreSQL server ${pid} left on ${dir} does not stop`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    throw new Error(
      `A PostgreSQL server (pid ${pid}) of another account still runs on ${dir}; stop it, then start Rampart again.`,
    );
  }
}
