import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where releases before the embedded PostgreSQL kept their database, inside the data directory. */
export const legacyPgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

export class UnconvertedDataError extends Error {
  constructor(readonly pgliteDir: string) {
    super(
      `${pgliteDir} holds the database of an earlier Rampart release (PGlite). This release runs PostgreSQL in ` +
        'the data directory instead. Convert it once with `npm run rampart -- convert-embedded` (or ' +
        '`rampart convert-embedded`): it copies every table into the new database, checks row counts and the ' +
        'audit chains, and keeps the old folder, renamed, until you delete it.',
    );
    this.name = 'UnconvertedDataError';
  }
}

/** Starting on an empty cluster beside an old PGlite database would look like data loss: refuse, saying why. */
export function refuseUnconvertedPglite(dataDir: string, clusterDir: string): void {
  const old = legacyPgliteDir(dataDir);
  if (existsSync(path.join(old, 'PG_VERSION')) && !existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    throw new UnconvertedDataError(old);
  }
}
