import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { inArray, sql } from 'drizzle-orm';
import { type Config, loadConfig } from '../platform/config.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.js';
import { copyTables, type TableCount } from '../platform/db/embedded/copy-tables.js';
import { clearLeftoverServer } from '../platform/db/embedded/leftover.js';
import { legacyPgliteDir } from '../platform/db/embedded/legacy-pglite.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from '../platform/db/embedded/server-process.js';
import { acquireDataDirLock } from '../platform/db/lock.js';
import { runMigrations } from '../platform/db/migrate.js';
import { jobRuns } from '../platform/jobs/tables.js';
import { formatChainResult, verifyChains } from './audit-verify.js';
import { CliError } from './shared.js';

export interface ConversionReport {
  tables: TableCount[];
  chains: string[];
  /** Where the PGlite folder was kept. */
  keptAt: string;
}

const quiet = silentEmbeddedLog;

/** The audit chains' verdicts without the event counts' wording, to compare both sides line by line. */
const chainLines = async (database: DatabaseHandle) => (await verifyChains(database)).map(formatChainResult);

/**
 * Converts a data directory of an earlier release (PGlite in `pglite/`) into the embedded PostgreSQL: a copy of
 * the old database is migrated to this release's schema, every table is copied, and the result is accepted only when
 * each table has the same number of rows on both sides and every audit chain verifies as it did before. The new
 * cluster is built beside the final one and moved into place at the end, so a failure leaves the data directory
 * as it was; the old folder is kept, renamed, for the operator to delete.
 */
export async function convertEmbedded(config: Config, now = new Date()): Promise<ConversionReport> {
  if (config.database.kind !== 'embedded') {
    throw new CliError('convert-embedded converts the embedded database; DATABASE_URL is set.');
  }
  const release = acquireDataDirLock(config.dataDir);
  const oldDir = legacyPgliteDir(config.dataDir);
  const finalDir = config.database.dir;
  const buildDir = `${finalDir}.converting`;
  const sourceCopy = `${oldDir}.reading`;
  try {
    if (!existsSync(path.join(oldDir, 'PG_VERSION'))) throw new CliError(`Nothing to convert: ${oldDir} is absent.`);
    if (existsSync(path.join(finalDir, 'PG_VERSION'))) {
      throw new CliError(`${finalDir} already holds a database; move it away first if you mean to convert again.`);
    }
    // An earlier attempt that was killed may have left its server running on the folder it was building.
    if (existsSync(buildDir)) await clearLeftoverServer(buildDir, quiet);
    rmSync(buildDir, { recursive: true, force: true });
    // The old database is read from a copy, migrated there: the folder itself stays as the earlier release left
    // it, so that release still opens it if the conversion fails.
    rmSync(sourceCopy, { recursive: true, force: true });
    cpSync(oldDir, sourceCopy, { recursive: true });
    const source = await openDatabase({ kind: 'pglite', dir: sourceCopy });
    const server = await startEmbeddedPostgres(buildDir, quiet);
    let report: Omit<ConversionReport, 'keptAt'>;
    try {
      const target = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 });
      try {
        await runMigrations(source);
        await runMigrations(target);
        const tables = await copyTables(source, target);
        const differing = tables.filter((t) => t.source !== t.target);
        if (differing.length > 0) {
          throw new CliError(`Row counts differ after the copy: ${differing.map((t) => t.table).join(', ')}`);
        }
        const before = await chainLines(source);
        const after = await chainLines(target);
        if (before.join('\n') !== after.join('\n')) {
          throw new CliError(`The audit chains do not verify as before:\n${after.join('\n')}`);
        }
        // The job queue itself (pg-boss's schema) is not carried over: it starts empty. Runs that waited or ran
        // in the old database say so, instead of showing "running" for ever.
        await target.db
          .update(jobRuns)
          .set({
            status: 'failed',
            error: 'Interrupted by the conversion of the embedded database; start it again.',
            finishedAt: sql`now()`,
          })
          .where(inArray(jobRuns.status, ['queued', 'running']));
        report = { tables, chains: after };
      } finally {
        await target.close();
      }
    } finally {
      try {
        await server.stop();
      } finally {
        await source.close();
      }
    }
    renameSync(buildDir, finalDir);
    const keptAt = `${oldDir}.converted-${now.toISOString().slice(0, 19).replaceAll(':', '')}`;
    renameSync(oldDir, keptAt);
    return { ...report, keptAt };
  } catch (error) {
    rmSync(buildDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(sourceCopy, { recursive: true, force: true });
    release();
  }
}

export function registerConvertEmbedded(program: Command): void {
  program
    .command('convert-embedded')
    .description(
      'Convert the embedded database of an earlier release (PGlite, in <data dir>/pglite) into the embedded ' +
        'PostgreSQL: copies every table, checks row counts and audit chains, keeps the old folder renamed.',
    )
    .action(async () => {
      const config = loadConfig(process.env);
      console.log(
        `Converting ${legacyPgliteDir(config.dataDir)} into ${config.database.kind === 'embedded' ? config.database.dir : '?'} …`,
      );
      const report = await convertEmbedded(config);
      const rows = report.tables.reduce((sum, t) => sum + t.target, 0);
      console.log(`Copied ${rows} rows in ${report.tables.length} tables; every table's row count matches.`);
      for (const line of report.chains) console.log(line);
      console.log(`The old database is kept at ${report.keptAt}; delete it once Rampart runs as expected.`);
    });
}
