import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/client.js';
import { jobRuns } from '../../../platform/jobs/tables.js';

export const LIBRARY_IMPORT_JOB = 'library.import';

/**
 * After a framework or mapping set is deleted, the import that produced it may run again: without this, its
 * idempotency key (the file's SHA-256) would answer with the old run instead of importing the file anew.
 */
export function releaseImportKey(
  tx: Transaction,
  organizationId: string,
  produced: { kind: 'frameworks' | 'mappingSets'; id: string },
) {
  return tx
    .update(jobRuns)
    .set({ idempotencyKey: null })
    .where(
      and(
        eq(jobRuns.organizationId, organizationId),
        eq(jobRuns.type, LIBRARY_IMPORT_JOB),
        sql`${jobRuns.result} -> ${produced.kind} @> ${JSON.stringify([{ id: produced.id }])}::jsonb`,
      ),
    );
}
