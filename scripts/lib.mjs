// Helpers shared by start.mjs and test.mjs: plain Node, no dependencies (they run before `npm ci`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time under the given files and folders (node_modules and dist skipped); 0 if none. */
export function newestMtime(...entries) {
  let newest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name !== 'node_modules' && name !== 'dist') visit(path.join(entry, name));
      }
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const entry of entries) visit(path.resolve(root, entry));
  return newest;
}

export const mtimeOf = (file) =>
  existsSync(path.resolve(root, file)) ? statSync(path.resolve(root, file)).mtimeMs : 0;

/** Runs a command in the repository with inherited output; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a command and exits the process with a message when it fails. */
export async function runOrExit(label, command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✖ ${label} failed (exit ${code}).`);
    process.exit(code);
  }
}

export function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  return !existsSync(path.join(root, 'node_modules')) || mtimeOf(marker) < mtimeOf('package-lock.json');
}

export function serverNeedsBuild() {
  const built = mtimeOf('apps/server/dist/cli.js');
  return (
    built === 0 ||
    built < newestMtime('apps/server/src', 'apps/server/tsconfig.json', 'apps/server/tsconfig.build.json')
  );
}

export function webNeedsBuild() {
  const built = mtimeOf('apps/web/dist/index.html');
  return (
    built === 0 ||
    built <
      newestMtime(
        'apps/web/src',
        'apps/web/public',
        'apps/web/index.html',
        'apps/web/vite.config.ts',
        'apps/web/package.json',
      )
  );
}

export const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
