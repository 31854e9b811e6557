// `npm test`: every check a change must pass, in order, stopping at the first failure.
//   node scripts/test.mjs [--only typecheck,lint,server,web,build,browser]
// TEST_DATABASE_URL=postgres://… runs the server and browser tests on that PostgreSQL instead of the embedded one.
// CI=true turns a missing Chromium from a skip into a failure.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { npm, root, run, tsc } from './lib.mjs';

const biome = path.join(root, 'node_modules/@biomejs/biome/bin/biome');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = mkdtempSync(path.join(tmpdir(), 'rampart-test-'));

/** Runs vitest with a JSON report beside the usual output, so the summary can count tests. */
async function vitestRun(name, cwd, extraArgs) {
  const report = path.join(reportDir, `${name}.json`);
  const code = await run(
    process.execPath,
    [vitest, 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: path.join(root, cwd) },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  }
  // A crash before any test ran still fails the step.
  return { ok: code === 0, counts };
}

const steps = [
  {
    key: 'typecheck',
    title: 'Typecheck (all workspaces)',
    run: async () => ({ ok: (await run(npm, ['run', 'typecheck'])) === 0 }),
  },
  {
    key: 'lint',
    title: 'Lint and format (biome check .)',
    run: async () => ({ ok: (await run(process.execPath, [biome, 'check', '.'])) === 0 }),
  },
  {
    key: 'server',
    title: `Server tests (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PostgreSQL'})`,
    run: () => vitestRun('server', 'apps/server', []),
  },
  {
    key: 'web',
    title: 'Web unit tests',
    run: () => vitestRun('web', 'apps/web', []),
  },
  {
    key: 'build',
    title: 'Build (server and web)',
    run: async () => {
      if ((await run(process.execPath, [tsc, '-p', 'apps/server/tsconfig.build.json'])) !== 0) return { ok: false };
      return { ok: (await run(npm, ['run', 'build', '-w', 'apps/web'])) === 0 };
    },
  },
  {
    key: 'browser',
    title: `Browser tests (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PostgreSQL'})`,
    run: () => {
      if (!existsSync(chromium)) {
        const message = `Chromium not found at ${chromium} (apt-get install chromium)`;
        if (process.env.CI === 'true') {
          console.error(`${message}: CI=true requires the browser tests.`);
          return { ok: false };
        }
        console.warn(`${message}: browser tests SKIPPED.`);
        return { ok: true, skippedStep: true };
      }
      return vitestRun('browser', 'apps/web', ['--config', 'e2e/vitest.config.ts']);
    },
  },
];

const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1] ?? '').split(',')
  : null;
const unknown = only?.filter((k) => !steps.some((s) => s.key === k)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((s) => s.key).join(', ')}`);
  process.exit(2);
}

const results = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;
for (const step of steps.filter((s) => !only || only.includes(s.key))) {
  console.log(`\n━━ ${step.title} ━━`);
  const started = Date.now();
  const result = await step.run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const k of Object.keys(totals)) totals[k] += result.counts?.[k] ?? 0;
  results.push({ step, result, seconds });
  if (!result.ok) {
    failed = true;
    break;
  }
}
rmSync(reportDir, { recursive: true, force: true });

console.log('\n━━ Summary ━━');
for (const { step, result, seconds } of results) {
  const status = !result.ok ? 'FAILED ' : result.skippedStep ? 'SKIPPED' : 'ok     ';
  const counts = result.counts
    ? ` — ${result.counts.passed} passed, ${result.counts.failed} failed, ${result.counts.skipped} skipped`
    : '';
  console.log(`  ${status} ${step.title} (${seconds} s)${counts}`);
}
if (failed) console.log(`  Stopped at the first failure: fix "${results.at(-1)?.step.title}" and run again.`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);
