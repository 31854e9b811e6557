import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.js';
import { silentEmbeddedLog, startEmbeddedPostgres } from '../platform/db/embedded/server-process.js';
import { createEmptyPostgresDatabase, runCli } from '../test/cli-process.js';
import { asSuperuser } from '../test/superuser.js';

/**
 * The CLI as an operator runs it: a child process on a real, initially empty database (a temporary embedded
 * data directory, or a fresh PostgreSQL database when TEST_DATABASE_URL is set).
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const quiet = silentEmbeddedLog;
let env: Record<string, string>;
let dropDatabase = async () => {};

/** Opens the CLI's database from the test (the CLI must have exited: its embedded server stops with it). */
async function openCliDatabase(): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 });
  const server = await startEmbeddedPostgres(path.join(env.RAMPART_DATA_DIR ?? '', 'postgres'), quiet);
  const handle = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 1 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await server.stop();
    },
  };
}

beforeAll(async () => {
  env = { RAMPART_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rampart-cli-')) };
  if (adminUrl) {
    const database = await createEmptyPostgresDatabase(adminUrl);
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
});
afterAll(() => dropDatabase());

// Each run boots Node, tsx and the database from cold: seconds each, more on a loaded machine.
describe('rampart CLI', { timeout: 180_000 }, () => {
  it('migrates an empty database, then creates a user and their organisation, then verifies the audit trail', async () => {
    const migrate = await runCli(['migrate'], env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Database is up to date/);

    const create = await runCli(
      ['user', 'create', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace', '--org', 'Analytical Engines'],
      env,
    );
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toMatch(/Created user ada@example\.com/);
    expect(create.stdout).toMatch(/Created organisation "Analytical Engines"/);
    const password = /Password: (\S+)/.exec(create.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(24);

    const again = await runCli(['user', 'create', '--email', 'ada@example.com', '--name', 'Ada'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const weak = await runCli(
      ['user', 'create', '--email', 'bob@example.com', '--name', 'Bob', '--password', 'short'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/--password: Use at least 12 characters/);

    const database = await openCliDatabase();
    try {
      const users = await database.query('select email, password_hash from users');
      expect(users.rows).toEqual([{ email: 'ada@example.com', password_hash: expect.stringMatching(/^\$argon2id\$/) }]);
      const events = await database.query(
        `select o.name, e.action from audit_events e join organizations o on o.id = e.organization_id order by e.seq`,
      );
      expect(events.rows).toEqual([
        { name: 'Analytical Engines', action: 'organization.created' },
        { name: 'Analytical Engines', action: 'user.created' },
      ]);
    } finally {
      await database.close();
    }

    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/OK {6}organisation .* \(Analytical Engines\): 2 events/);
    expect(verify.stdout).toMatch(/All 2 chains intact/);
  });

  it('audit verify exits 1 and names the first broken event after tampering', async () => {
    const create = await runCli(
      ['user', 'create', '--email', 'eve@example.com', '--name', 'Eve', '--org', 'Tampered'],
      env,
    );
    expect(create.code, create.stderr).toBe(0);
    const database = await openCliDatabase();
    let orgId: string;
    try {
      const org = await database.query(`select id from organizations where name = 'Tampered'`);
      orgId = String(org.rows[0]?.id);
      await asSuperuser(database, [
        `update audit_events set action = 'organization.renamed' where organization_id = '${orgId}' and seq = 1`,
      ]);
    } finally {
      await database.close();
    }
    const verify = await runCli(['audit', 'verify', '--org', orgId], env);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/BROKEN .*hash_mismatch at seq 1/);
    expect(verify.stderr).toMatch(/1 broken audit chain/);
  });

  it('refuses bad input and bad configuration with distinct exit codes', async () => {
    const badOrg = await runCli(['audit', 'verify', '--org', 'not-a-uuid'], env);
    expect(badOrg.code).toBe(1);
    expect(badOrg.stderr).toMatch(/--org: must be an organisation id/);

    const badConfig = await runCli(['migrate'], { ...env, PORT: 'eighty' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/Invalid configuration:\n {2}- PORT:/);

    const embeddedWorker = await runCli(['worker'], { RAMPART_DATA_DIR: env.RAMPART_DATA_DIR ?? '' });
    expect(embeddedWorker.code).toBe(1);
    expect(embeddedWorker.stderr).toMatch(/rampart worker needs PostgreSQL/);
  });
});
