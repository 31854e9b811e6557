import type { Command } from 'commander';
import { cliConfig, describeDatabase, withDatabase } from './shared.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations and refresh the built-in roles, then exit.')
    .action(async () => {
      const config = cliConfig();
      // Opening the database prepares it; there is nothing more to do.
      await withDatabase(config, async () => {});
      console.log(`Database is up to date (${describeDatabase(config)}).`);
    });
}
