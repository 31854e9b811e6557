import type { Command } from 'commander';
import { startWorker } from '../platform/jobs/worker.js';
import { buildNode, openPreparedDatabase } from '../server.js';
import { CliError, cliConfig, describeDatabase } from './shared.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run background jobs in their own process (PostgreSQL only; pair with RAMPART_RUN_WORKER=false on the ' +
        'web nodes). In embedded mode the server already runs them.',
    )
    .action(async () => {
      const config = cliConfig();
      if (config.database.kind !== 'postgres') {
        throw new CliError(
          'rampart worker needs PostgreSQL (set DATABASE_URL). The embedded database allows one process, and ' +
            '`rampart start` already runs the jobs in it.',
        );
      }
      const opened = await openPreparedDatabase(config);
      const { app, jobs } = await buildNode(config, opened.database).catch(async (error: unknown) => {
        await opened.close();
        throw error;
      });
      // Built for its job definitions only: the worker never listens.
      await app.ready();
      await startWorker({ jobs, log: app.log });
      app.log.info({ database: describeDatabase(config) }, 'Rampart worker is running');
      let stopping = false;
      const stop = async () => {
        if (stopping) process.exit(1);
        stopping = true;
        try {
          await app.close();
          await opened.close();
          process.exit(0);
        } catch (error) {
          app.log.error({ err: error }, 'worker shutdown failed');
          process.exit(1);
        }
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
