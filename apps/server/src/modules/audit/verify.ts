import { and, asc, gt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { eventHash, GENESIS_HASH } from './hash.js';
import { auditEvents } from './tables.js';

export type ChainBreak = 'hash_mismatch' | 'broken_link' | 'sequence_gap';

export interface ChainReport {
  ok: boolean;
  /** Events read before the walk stopped (all of them when the chain is intact). */
  checked: number;
  /** The last intact event: an auditor can note `lastSeq`/`lastHash` and later prove nothing before it changed. */
  lastSeq: number;
  lastHash: string;
  firstBroken?: { seq: number; id: string; reason: ChainBreak };
}

const BATCH = 1_000;
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

/**
 * The chain of one organisation (or the global chain for `null`). Written as the expression of the unique index
 * `audit_events_chain_seq`, so each batch is an index range scan whatever the size of the trail.
 */
export function chainOf(organizationId: string | null): SQL {
  return sql`coalesce(${auditEvents.organizationId}, ${NO_ORGANIZATION}::uuid) = ${organizationId ?? NO_ORGANIZATION}::uuid`;
}

/**
 * Walks a chain in `seq` order, 1,000 rows per query (constant memory), and stops at the first event that does
 * not hold: a `seq` that does not follow its predecessor (an event removed or inserted out of order), a
 * `prevHash` that is not the predecessor's hash (an event replaced, or its hash rewritten), or a hash that does
 * not match the event's own fields (an event edited in place).
 */
export async function verifyAuditChain(db: DbOrTx, organizationId: string | null): Promise<ChainReport> {
  let checked = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(chainOf(organizationId), gt(auditEvents.seq, lastSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      checked++;
      const broken = (reason: ChainBreak): ChainReport => ({
        ok: false,
        checked,
        lastSeq,
        lastHash,
        firstBroken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== lastSeq + 1) return broken('sequence_gap');
      if (row.prevHash !== lastHash) return broken('broken_link');
      if (eventHash(row) !== row.hash) return broken('hash_mismatch');
      lastSeq = row.seq;
      lastHash = row.hash;
    }
    if (rows.length < BATCH) return { ok: true, checked, lastSeq, lastHash };
  }
}
