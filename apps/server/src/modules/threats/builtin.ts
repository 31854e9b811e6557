import type { Database } from '../../platform/db/client.js';

/** Upserts the built-in threat catalogue. Scaffold: filled by the threats module. */
export async function ensureBuiltinThreats(_db: Database): Promise<void> {}
