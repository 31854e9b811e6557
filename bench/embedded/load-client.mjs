// A load generator on its own thread (its own event loop), so that a busy server does not also slow the clock
// that times it. `probe`: one user clicking every `intervalMs`; `load`: `clients` users back to back.
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, headers, paths, clients, intervalMs, mode } = workerData;
const latencies = [];
let failures = 0;
let timeouts = 0;
let stopped = false;
parentPort.on('message', () => {
  stopped = true;
});

async function one(i) {
  const url = `${baseUrl}${paths[i % paths.length]}`;
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    if (response.status !== 200) failures++;
    latencies.push(performance.now() - started);
  } catch (error) {
    if (error?.name === 'TimeoutError') timeouts++;
    else failures++;
  }
}

async function user(offset) {
  for (let i = offset; !stopped; i += 1) {
    const started = performance.now();
    await one(i);
    if (mode === 'probe') {
      const rest = intervalMs - (performance.now() - started);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  }
}

await Promise.all(Array.from({ length: mode === 'probe' ? 1 : clients }, (_, k) => user(k)));
parentPort.postMessage({ latencies, failures, timeouts });
