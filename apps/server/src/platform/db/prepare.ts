import type { Database, DatabaseHandle } from './client.js';
import { runMigrations } from './migrate.js';

/** Whatever keeps built-in rows in the database; `ModuleDefinition` satisfies it. */
export interface PreparesDatabase {
  name: string;
  prepare?(db: Database): Promise<void>;
}

/**
 * Everything a database needs before the app serves: the migrations, then each module's built-in rows (roles,
 * the frameworks library, matrices, threats) in the order the modules are listed — a module's rows may refer to
 * those of a module listed before it.
 */
export async function prepareDatabase(handle: DatabaseHandle, modules: readonly PreparesDatabase[]): Promise<void> {
  await runMigrations(handle);
  for (const module of modules) await module.prepare?.(handle.db);
}
