#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import dotenv from 'dotenv';
import { registerAuditCommands } from './cli/audit-verify.js';
import { registerConvertEmbedded } from './cli/convert-embedded.js';
import { registerDemo } from './cli/demo.js';
import { registerMigrate } from './cli/migrate.js';
import { registerOpenApi } from './cli/openapi.js';
import { CliError } from './cli/shared.js';
import { registerStart } from './cli/start.js';
import { registerUserCommands } from './cli/user-create.js';
import { registerWorker } from './cli/worker.js';
import { ConfigError } from './platform/config.js';
import { DataDirLockedError } from './platform/db/lock.js';

// `.env` fills in what the real environment leaves unset; the environment always wins.
dotenv.config({ quiet: true });

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command()
  .name('rampart')
  .description('Rampart: security governance, risk and compliance.')
  .version(version)
  .showHelpAfterError()
  .enablePositionalOptions();

registerStart(program);
registerMigrate(program);
registerWorker(program);
registerUserCommands(program);
registerDemo(program);
registerAuditCommands(program);
registerConvertEmbedded(program);
registerOpenApi(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Problems the operator can fix get a message; anything else keeps its stack for the bug report.
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof CliError) {
    console.error(`rampart: ${error.message}`);
    process.exit(error.exitCode);
  }
  if (error instanceof DataDirLockedError) {
    console.error(`rampart: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
}
