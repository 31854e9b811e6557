import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';

/**
 * The OpenAPI document without a running server or a database: the app is built on a pool that never connects
 * (no module reads the database while registering) and never listens. Needs no configuration.
 */
export async function generateOpenApi(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rampart-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'openapi-openapi-openapi-openapi-openapi-0',
    RAMPART_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  // Never connected: building the app registers routes and schemas only, so the document needs no database.
  const database = await openDatabase({
    kind: 'postgres',
    url: 'postgresql://openapi@localhost/none?host=/nonexistent',
  });
  try {
    const app = await buildApp({ config, database, logger: false });
    try {
      await app.ready();
      return app.swagger();
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function writeOpenApi(output: string): Promise<void> {
  writeFileSync(output, `${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
}

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('Write the OpenAPI 3.1 document of the API as JSON (no database or server needed).')
    .argument('[output]', 'file to write', 'openapi.json')
    .action(async (output: string) => {
      const file = path.resolve(output);
      await writeOpenApi(file);
      console.log(`OpenAPI document written to ${file}`);
    });
}
