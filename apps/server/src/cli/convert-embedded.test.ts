import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { modules } from '../modules/index.js';
import { openDatabase } from '../platform/db/client.js';
import { UnconvertedDataError } from '../platform/db/embedded/legacy-pglite.js';
import { prepareDatabase } from '../platform/db/prepare.js';
import { openPreparedDatabase } from '../server.js';
import { call, testConfig } from '../test/app.js';
import { createFolder, createOrgWithOwner } from '../test/factories.js';
import { verifyChains } from './audit-verify.js';
import { convertEmbedded } from './convert-embedded.js';

/** A data directory as an earlier release left it: a PGlite database in `pglite/` with an organisation's work. */
async function earlierReleaseDataDir() {
  const config = testConfig();
  const pglite = await openDatabase({ kind: 'pglite', dir: path.join(config.dataDir, 'pglite') });
  await prepareDatabase(pglite, modules);
  const app = await buildApp({ config, database: pglite, logger: false });
  try {
    const { session, rootFolderId } = await createOrgWithOwner(app, pglite, 'Before the conversion');
    const folder = await createFolder(app, session, rootFolderId, 'Operations');
    const asset = await call(app, session, {
      method: 'POST',
      url: '/api/v1/assets',
      payload: { folderId: folder.id, name: 'Billing database', type: 'primary', category: 'information' },
    });
    expect(asset.statusCode, asset.body).toBe(201);
    // A job that was running when the old release stopped.
    await pglite.query("insert into job_runs (type, status) values ('library.import', 'running')");
    const facts = {
      counts: await countsOf(pglite),
      // Text, as PostgreSQL prints it: the microseconds a JavaScript Date would drop.
      firstEventAt: (
        await pglite.query('select occurred_at::text as at from audit_events order by occurred_at limit 1')
      ).rows[0]?.at,
      chains: (await verifyChains(pglite)).map((c) => c.report),
    };
    return { config, facts };
  } finally {
    await app.close();
    await pglite.close();
  }
}

/** A digest of every file's path and bytes below `dir`. */
function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(dir, full)}\0`).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function countsOf(database: { query(text: string): Promise<{ rows: Record<string, unknown>[] }> }) {
  const counts: Record<string, number> = {};
  for (const table of ['users', 'organizations', 'folders', 'assets', 'audit_events', 'role_bindings']) {
    counts[table] = Number((await database.query(`select count(*) as n from ${table}`)).rows[0]?.n);
  }
  return counts;
}

describe('rampart convert-embedded', { timeout: 120_000 }, () => {
  it('refuses to start on a data directory that still holds an unconverted PGlite database', async () => {
    const { config } = await earlierReleaseDataDir();
    await expect(openPreparedDatabase(config)).rejects.toBeInstanceOf(UnconvertedDataError);
    expect(existsSync(path.join(config.dataDir, 'postgres'))).toBe(false);
  });

  it('copies every row, keeps timestamps and audit chains exact, and keeps the old folder', async () => {
    const { config, facts } = await earlierReleaseDataDir();
    expect(facts.counts.assets).toBe(1);
    expect(facts.firstEventAt).toMatch(/:\d\d\.\d+/);

    const before = folderDigest(path.join(config.dataDir, 'pglite'));
    const report = await convertEmbedded(config, new Date('2026-12-08T10:00:00Z'));
    // Read through a copy: the earlier release's folder is kept exactly as it was, for a way back.
    expect(folderDigest(report.keptAt)).toBe(before);
    expect(report.tables.length).toBeGreaterThan(40);
    for (const table of report.tables) expect(table.target, table.table).toBe(table.source);
    expect(report.chains.every((line) => line.startsWith('OK'))).toBe(true);
    expect(path.basename(report.keptAt)).toBe('pglite.converted-2026-12-08T100000');
    expect(readdirSync(config.dataDir)).not.toContain('pglite');

    const opened = await openPreparedDatabase(config);
    try {
      expect(await countsOf(opened.database)).toEqual(facts.counts);
      const first = await opened.database.query(
        'select occurred_at::text as at from audit_events order by occurred_at limit 1',
      );
      expect(first.rows[0]?.at).toBe(facts.firstEventAt);
      expect((await verifyChains(opened.database)).map((c) => c.report)).toEqual(facts.chains);
      const runs = await opened.database.query('select status, error from job_runs');
      expect(runs.rows).toEqual([{ status: 'failed', error: expect.stringMatching(/conversion/) }]);
    } finally {
      await opened.close();
    }

    await expect(convertEmbedded(config)).rejects.toThrow(/Nothing to convert/);
  });
});
