/**
 * Cold start and idle memory of a real `rampart start`, as `npm start` runs it: the first start creates the data
 * directory; the next ones (timed) open it again, from the spawn to `/ready` answering 200. Idle memory is the
 * PSS (proportional set size: shared pages counted once across processes) of every process of the node — the
 * Node.js process and, embedded, the PostgreSQL processes it started — after it has been idle for a while.
 * Run from the repository root after `npm run build` (or `npm start` once):
 *
 *   npx tsx bench/embedded/start-and-memory.ts [--runs 5] [--cli apps/server/dist/cli.js]
 *
 * `--cli` may point at another checkout's build (e.g. an earlier release on PGlite) for a same-run comparison.
 * Targets (issue #9): cold start ≤ 3 s, idle PSS ≤ 250 MB embedded. Linux only (reads /proc).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    cli: { type: 'string', default: 'apps/server/dist/cli.js' },
    idle: { type: 'string', default: '10' },
  },
});
const cli = path.resolve(String(values.cli));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-start-'));

function start(): { child: ChildProcess; ready: Promise<{ url: string; ms: number }>; output: () => string } {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      RAMPART_DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; ms: number }>((resolve, reject) => {
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Rampart is ready"/.exec(output);
      if (!match?.[1]) return;
      child.stdout?.off('data', onData);
      for (;;) {
        const response = await fetch(`${match[1]}/ready`).catch(() => undefined);
        if (response?.status === 200) return resolve({ url: match[1], ms: performance.now() - started });
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return { child, ready, output: () => output };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** PSS in MB of a process and all its descendants. */
function pssOfTree(pid: number): { mb: number; processes: number } {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = execFileSync('pgrep', ['-P', String(pids[i])])
        .toString()
        .trim()
        .split('\n');
      pids.push(...children.filter(Boolean).map(Number));
    } catch {
      // No children.
    }
  }
  let kb = 0;
  for (const p of pids) {
    const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
    kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return { mb: kb / 1024, processes: pids.length };
}

const phases = (output: string) =>
  output
    .split('\n')
    .filter((line) => /"ms":\d+/.test(line))
    .map((line) => {
      const parsed = JSON.parse(line) as { msg: string; ms: number };
      return `${parsed.msg} ${parsed.ms} ms`;
    });

const first = start();
await first.ready;
await stop(first.child);

const times: number[] = [];
let memory = { mb: 0, processes: 0 };
let lastPhases: string[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  const node = start();
  const { ms } = await node.ready;
  times.push(ms);
  lastPhases = phases(node.output());
  if (run === 0) {
    await new Promise((r) => setTimeout(r, Number(values.idle) * 1000));
    memory = pssOfTree(node.child.pid ?? 0);
  }
  await stop(node.child);
}
rmSync(dataDir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `${cli}: start to /ready median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms ` +
    `(min ${sorted[0]?.toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}); idle PSS ${memory.mb.toFixed(0)} MB ` +
    `in ${memory.processes} processes`,
);
if (lastPhases.length > 0) console.log(`  phases: ${lastPhases.join('; ')}`);
