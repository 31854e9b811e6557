import type { Database } from '../../platform/db/client.js';

/** Upserts the built-in matrices (3×3, 4×4, 5×5). Scaffold: filled by the risk-matrices module. */
export async function ensureBuiltinRiskMatrices(_db: Database): Promise<void> {}
