// `npm start`: from a fresh clone to a running server. Installs and builds only what is missing or stale, then
// runs `rampart start` (see README.md for configuration).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { needsInstall, npm, root, run, runOrExit, serverNeedsBuild, tsc, webNeedsBuild } from './lib.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Rampart needs Node.js 20.19 or newer (this is ${process.version}).`);
  process.exit(1);
}

if (needsInstall()) {
  const fresh = !existsSync(path.join(root, 'node_modules'));
  console.log(fresh ? '› Installing dependencies (npm ci)…' : '› package-lock.json changed: npm install…');
  // `npm ci` refuses a lock without other platforms' optional binaries (which some registry mirrors lack);
  // `npm install` then installs the same locked versions.
  if (!fresh || (await run(npm, ['ci', '--no-audit', '--no-fund'])) !== 0) {
    if (fresh) console.log('› npm ci failed; trying npm install…');
    await runOrExit('Installing dependencies', npm, ['install', '--no-audit', '--no-fund']);
  }
}
if (serverNeedsBuild()) {
  console.log('› Building the server…');
  await runOrExit('Building the server', process.execPath, [tsc, '-p', 'apps/server/tsconfig.build.json']);
}
if (webNeedsBuild()) {
  console.log('› Building the web UI…');
  await runOrExit('Building the web UI', npm, ['run', 'build', '-w', 'apps/web']);
}

// Its own process group, so a terminal Ctrl-C reaches the server once (through us), not twice.
const server = spawn(process.execPath, ['apps/server/dist/cli.js', 'start'], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
});
let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // npm and the terminal both deliver the same Ctrl-C; a second press a moment later means "stop now".
    const now = Date.now();
    if (firstSignalAt !== 0 && now - firstSignalAt < 1000) return;
    firstSignalAt ||= now;
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
