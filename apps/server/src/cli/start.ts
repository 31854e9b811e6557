import type { Command } from 'commander';
import { startServer, stopOnSignals } from '../server.js';
import { cliConfig, describeDatabase } from './shared.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Start the server: migrate the database, serve the API and the web UI (HOST:PORT).')
    .action(async () => {
      // performance.now() counts from the process's start: until here, Node started and loaded the code.
      const codeLoadedMs = Math.round(performance.now());
      const config = cliConfig();
      const server = await startServer(config);
      stopOnSignals(server);
      server.app.log.debug({ ms: codeLoadedMs }, 'code loaded');
      server.app.log.info(
        { url: server.url, database: describeDatabase(config), startupMs: Math.round(performance.now()) },
        'Rampart is ready',
      );
    });
}
