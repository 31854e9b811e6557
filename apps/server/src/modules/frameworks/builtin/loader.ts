import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import { systemContext } from '../../audit/index.js';
import { parseRampartLibrary } from '../formats/rampart/parse.js';
import type { LibraryContent } from '../library-content.js';
import { frameworks, mappingSets } from '../tables.js';
import { type SaveResult, saveLibraryContent } from '../writer.js';
import { type BuiltinFile, readBuiltinFiles } from './files.js';

/** Nodes starting together on one PostgreSQL: one loads the library while the others wait, then skip. */
const BUILTIN_LIBRARY_LOCK_KEY = 7_241_990_002;

export interface BuiltinLoadReport {
  /** Files already recorded in the database (by their SHA-256): not even parsed. */
  skipped: string[];
  loaded: { file: string; result: SaveResult }[];
}

/** Parses a built-in file with the public Rampart format parser; only the source label differs from an import. */
export function parseBuiltinFile(file: BuiltinFile): LibraryContent {
  return { ...parseRampartLibrary(file.text, file.name), sourceFormat: 'builtin' };
}

/**
 * Ensures the built-in library: every shipped framework and mapping set as a library entry (no organisation),
 * shared read-only by every organisation. Fast on every start: when each file's SHA-256 is already recorded on a
 * library row, nothing is parsed. A file that changed is parsed and written with the writer's semantics — a
 * framework whose (URN, version) is present stays as it is, a new version loads beside the old one (loaded
 * versions are immutable), a mapping set is keyed by its URN — each file in its own transaction.
 */
export async function ensureBuiltinLibrary(db: Database, files = readBuiltinFiles()): Promise<BuiltinLoadReport> {
  const report: BuiltinLoadReport = { skipped: [], loaded: [] };
  const known = await recordedHashes(db, files);
  const pending = files.filter((f) => {
    if (!known.has(f.sha256)) return true;
    report.skipped.push(f.name);
    return false;
  });
  if (pending.length === 0) return report;
  // Parse outside the transaction: a broken shipped file fails the start before anything is locked.
  const parsed = pending.map((file) => ({ file, content: parseBuiltinFile(file) }));
  for (const { file, content } of parsed) {
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BUILTIN_LIBRARY_LOCK_KEY})`);
      return saveLibraryContent(tx, content, { organizationId: null, folderId: null, audit: systemContext() });
    });
    report.loaded.push({ file: file.name, result });
  }
  return report;
}

/** The hashes among `files` already carried by a library framework or mapping set: one query each. */
async function recordedHashes(db: Database, files: BuiltinFile[]): Promise<Set<string>> {
  const hashes = files.map((f) => f.sha256);
  const [fw, sets] = await Promise.all([
    db
      .selectDistinct({ sha: frameworks.sourceSha256 })
      .from(frameworks)
      .where(
        and(
          isNull(frameworks.organizationId),
          eq(frameworks.sourceFormat, 'builtin'),
          inArray(frameworks.sourceSha256, hashes),
        ),
      ),
    db
      .selectDistinct({ sha: mappingSets.sourceSha256 })
      .from(mappingSets)
      .where(and(isNull(mappingSets.organizationId), inArray(mappingSets.sourceSha256, hashes))),
  ]);
  return new Set([...fw, ...sets].map((r) => r.sha).filter((s): s is string => s !== null));
}
