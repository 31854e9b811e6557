import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/client.js';
import { auditEvents } from '../../schema.js';
import { cloneTestDatabase } from '../../test/database.js';
import { asSuperuser } from '../../test/superuser.js';
import { eventHash, GENESIS_HASH } from './hash.js';
import { recordAudit, systemContext } from './record.js';
import { verifyAuditChain } from './verify.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await cloneTestDatabase();
});
afterAll(() => database.close());

/** Builds a valid chain of `count` events in memory and inserts it in bulk (far faster than one by one). */
async function seedChain(organizationId: string, count: number) {
  const rows: (typeof auditEvents.$inferInsert)[] = [];
  let prevHash = GENESIS_HASH;
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      organizationId,
      seq,
      occurredAt: new Date(start + seq * 1000),
      actorUserId: null,
      actorType: 'system',
      actorTokenId: null,
      folderId: null,
      action: 'test.happened',
      objectType: 'test',
      objectId: String(seq),
      changes: { n: { after: seq }, nested: { b: 1, a: [1, 'x'] } },
      requestId: `req-${seq}`,
      ip: '127.0.0.1',
      prevHash,
    };
    prevHash = eventHash(fields);
    rows.push({ ...fields, hash: prevHash });
  }
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(auditEvents).values(rows.slice(i, i + 500));
}

describe('verifyAuditChain', () => {
  it('accepts an empty chain and one written by recordAudit', async () => {
    const organizationId = randomUUID();
    expect(await verifyAuditChain(database.db, organizationId)).toEqual({
      ok: true,
      checked: 0,
      lastSeq: 0,
      lastHash: GENESIS_HASH,
    });
    for (let i = 0; i < 5; i++) {
      await database.db.transaction((tx) =>
        recordAudit(tx, systemContext('r1'), {
          organizationId,
          action: 'thing.changed',
          objectType: 'thing',
          changes: { when: new Date(), z: 1, a: { y: null, x: 'é' } },
        }),
      );
    }
    const report = await verifyAuditChain(database.db, organizationId);
    expect(report).toMatchObject({ ok: true, checked: 5, lastSeq: 5 });
    expect(report.firstBroken).toBeUndefined();
  });

  it('walks a chain longer than one batch, and finds an edit past the first batch', async () => {
    const organizationId = randomUUID();
    await seedChain(organizationId, 2_345);
    expect(await verifyAuditChain(database.db, organizationId)).toMatchObject({ ok: true, checked: 2_345 });

    await asSuperuser(database, [
      `update audit_events set changes = '{"n":{"after":-1}}' where organization_id = '${organizationId}' and seq = 2100`,
    ]);
    const report = await verifyAuditChain(database.db, organizationId);
    expect(report).toMatchObject({ ok: false, checked: 2_100, lastSeq: 2_099 });
    expect(report.firstBroken).toMatchObject({ seq: 2_100, reason: 'hash_mismatch' });
  });

  it('reports a rewritten hash as a broken link on the next event', async () => {
    const organizationId = randomUUID();
    await seedChain(organizationId, 10);
    await asSuperuser(database, [
      `update audit_events set hash = repeat('a', 64) where organization_id = '${organizationId}' and seq = 4`,
    ]);
    const report = await verifyAuditChain(database.db, organizationId);
    // Event 4 itself no longer matches its hash; that is what is found first.
    expect(report.firstBroken).toMatchObject({ seq: 4, reason: 'hash_mismatch' });

    const other = randomUUID();
    await seedChain(other, 10);
    await asSuperuser(database, [
      `update audit_events set prev_hash = repeat('b', 64) where organization_id = '${other}' and seq = 7`,
    ]);
    expect((await verifyAuditChain(database.db, other)).firstBroken).toMatchObject({ seq: 7, reason: 'broken_link' });
  });

  it('reports a removed event as a sequence gap', async () => {
    const organizationId = randomUUID();
    await seedChain(organizationId, 10);
    await asSuperuser(database, [`delete from audit_events where organization_id = '${organizationId}' and seq = 6`]);
    const report = await verifyAuditChain(database.db, organizationId);
    expect(report).toMatchObject({ ok: false, checked: 6, lastSeq: 5 });
    expect(report.firstBroken).toMatchObject({ seq: 7, reason: 'sequence_gap' });
  });

  it('keeps chains apart: tampering one organisation leaves the others and the global chain intact', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await seedChain(a, 3);
    await seedChain(b, 3);
    await database.db.transaction((tx) =>
      recordAudit(tx, systemContext(), { organizationId: null, action: 'auth.login_failed', objectType: 'user' }),
    );
    await asSuperuser(database, [`update audit_events set ip = '10.0.0.1' where organization_id = '${a}' and seq = 1`]);
    expect((await verifyAuditChain(database.db, a)).firstBroken).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
    expect(await verifyAuditChain(database.db, b)).toMatchObject({ ok: true, checked: 3 });
    expect(await verifyAuditChain(database.db, null)).toMatchObject({ ok: true });
  });

  it('the append-only trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    const organizationId = randomUUID();
    await seedChain(organizationId, 2);
    const attempts = [
      `update audit_events set action = 'x.y' where organization_id = '${organizationId}'`,
      `delete from audit_events where organization_id = '${organizationId}'`,
      'truncate audit_events',
    ];
    for (const statement of attempts) {
      await expect(database.query(statement)).rejects.toThrow(/append-only/);
    }
    expect(await verifyAuditChain(database.db, organizationId)).toMatchObject({ ok: true, checked: 2 });
  });
});
