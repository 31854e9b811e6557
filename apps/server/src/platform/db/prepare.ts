import { ensureBuiltinLibrary } from '../../modules/frameworks/builtin/loader.js';
import { ensureBuiltinRiskMatrices } from '../../modules/risk-matrices/builtin.js';
import { ensureBuiltinThreats } from '../../modules/threats/builtin.js';
import type { DatabaseHandle } from './client.js';
import { runMigrations } from './migrate.js';
import { ensureBuiltinRoles } from './seed.js';

/** Everything a database needs before the app serves: migrations, then the built-in rows. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await runMigrations(handle);
  await ensureBuiltinRoles(handle.db);
  await ensureBuiltinLibrary(handle.db);
  await ensureBuiltinRiskMatrices(handle.db);
  await ensureBuiltinThreats(handle.db);
}
