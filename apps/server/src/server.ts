import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { type Logger, pino } from 'pino';
import { buildApp } from './app.js';
import { modules } from './modules/index.js';
import { systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { TypedApp } from './platform/context.js';
import { type DatabaseHandle, openDatabase } from './platform/db/client.js';
import { refuseUnconvertedPglite } from './platform/db/embedded/legacy-pglite.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './platform/db/embedded/server-process.js';
import { acquireDataDirLock } from './platform/db/lock.js';
import { prepareDatabase } from './platform/db/prepare.js';
import { createJobService } from './platform/jobs/service.js';
import { startWorker } from './platform/jobs/worker.js';

/** `src/server.ts` and `dist/server.js` sit at the same depth, so the web build is found from either. */
export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface OpenedDatabase {
  database: DatabaseHandle;
  /** Closes the database, then frees the data-dir lock (embedded mode). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the configured database ready for use, then migrations and built-in content. Embedded mode first takes
 * the data-dir lock (one Rampart process per data directory: it owns the PostgreSQL it starts there), refuses a
 * PGlite directory from an earlier release that was not converted, and starts the embedded PostgreSQL. Shared by
 * the server and the CLI.
 */
export async function openPreparedDatabase(config: Config, log: Logger = silentLog): Promise<OpenedDatabase> {
  const embedded = config.database.kind === 'embedded' ? config.database : undefined;
  const release = embedded ? acquireDataDirLock(config.dataDir) : () => {};
  let server: EmbeddedPostgres | undefined;
  let database: DatabaseHandle | undefined;
  try {
    if (embedded) {
      refuseUnconvertedPglite(config.dataDir, embedded.dir);
      // The application's pool, the job queue's (3) and room for a CLI command beside them.
      server = await startEmbeddedPostgres(embedded.dir, log, { maxConnections: embedded.poolSize + 3 });
    }
    const url = server?.url ?? (config.database as { url: string }).url;
    database = await openDatabase({ kind: 'postgres', url, poolSize: config.database.poolSize });
    const started = performance.now();
    await prepareDatabase(database, modules);
    log.debug({ ms: Math.round(performance.now() - started) }, 'database migrated and built-in content loaded');
  } catch (error) {
    await database?.close().catch(() => {});
    await server?.stop().catch(() => {});
    release();
    throw error;
  }
  const opened = database;
  let closed = false;
  return {
    database: opened,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await opened.close();
      } finally {
        try {
          await server?.stop();
        } finally {
          release();
        }
      }
    },
  };
}

const silentLog = pino({ level: 'silent' });

export interface RunningServer {
  app: TypedApp;
  /** Where the server listens, e.g. `http://127.0.0.1:8080`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The app on a prepared database, with its job service. The job service exists before the app because modules
 * define their job types on it while they register; `app.close()` stops it.
 */
export async function buildNode(config: Config, database: DatabaseHandle) {
  const jobs = createJobService({
    database,
    clock: systemClock,
    log: pino({ level: config.logLevel }).child({ component: 'jobs' }),
  });
  const app = await buildApp({ config, database, jobs });
  return { app, jobs };
}

/**
 * Starts one Rampart node: database, HTTP API, web UI and, in embedded mode or with RAMPART_RUN_WORKER, the job
 * worker (otherwise `rampart worker` runs it in its own process).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const opened = await openPreparedDatabase(config, pino({ level: config.logLevel }).child({ component: 'database' }));
  let app: TypedApp | undefined;
  try {
    const building = performance.now();
    const node = await buildNode(config, opened.database);
    app = node.app;
    await serveWebUi(app, webDistDir);
    const url = await app.listen({ host: config.host, port: config.port });
    app.log.debug({ ms: Math.round(performance.now() - building) }, 'routes registered and listening');
    if (config.runWorker) await startWorker({ jobs: node.jobs, log: app.log });
    const running = app;
    let stopping: Promise<void> | undefined;
    return {
      app: running,
      url,
      stop() {
        stopping ??= (async () => {
          try {
            await running.close();
          } finally {
            await opened.close();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await opened.close();
    throw error;
  }
}

/**
 * The SPA: real files from the Vite build, `index.html` for any other GET outside `/api` so client-side routes
 * survive a reload. Without a build, a page that says how to make one (instead of an unexplained 404).
 */
export async function serveWebUi(app: TypedApp, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Files are registered one route each at start, so the catch-all below only sees what is not a file.
      wildcard: false,
      // The build's .br / .gz twins, chosen by Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      index: false,
      setHeaders(res, filePath) {
        // Vite fingerprints everything under assets/: cache it for good. index.html must be revalidated.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // API paths and missing files (anything with an extension) stay real 404s in problem+json.
    if (pathname === '/api' || pathname.startsWith('/api/') || path.posix.extname(pathname) !== '') {
      return reply.callNotFound();
    }
    if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(missingBuildPage);
  });
}

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rampart</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Rampart is running, but the web UI is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds what is missing) and reload.</p>
<p>The API answers at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

/**
 * SIGINT/SIGTERM stop the node gracefully: stop accepting, finish in-flight requests, close the database, free
 * the lock. A second signal, or a shutdown that hangs, exits at once.
 */
export function stopOnSignals(server: RunningServer, options: { timeoutMs?: number } = {}): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    server.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      server.app.log.error('shutdown timed out');
      process.exit(1);
    }, options.timeoutMs ?? 15_000);
    timer.unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
