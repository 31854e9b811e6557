import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Cursor, keysetAfter, keysetOrder } from '../../platform/http/pagination.js';
import { jobRuns } from '../../platform/jobs/tables.js';

export type JobRunRow = typeof jobRuns.$inferSelect;

/**
 * Which runs of the organisation the caller sees: their own, those in folders where they hold job:read, and
 * organisation-wide ones (no folder) when they hold job:read on the root.
 */
export interface RunScope {
  organizationId: string;
  userId: string;
  visibleFolders: SQL;
  rootRead: boolean;
}

const scoped = (scope: RunScope) =>
  and(
    eq(jobRuns.organizationId, scope.organizationId),
    or(
      eq(jobRuns.createdBy, scope.userId),
      inArray(jobRuns.folderId, scope.visibleFolders),
      scope.rootRead ? isNull(jobRuns.folderId) : undefined,
    ),
  );

export function listJobRuns(
  db: DbOrTx,
  scope: RunScope,
  params: { status?: JobRunRow['status']; type?: string; cursor: Cursor | null; limit: number },
) {
  return db
    .select()
    .from(jobRuns)
    .where(
      and(
        scoped(scope),
        params.status ? eq(jobRuns.status, params.status) : undefined,
        params.type ? eq(jobRuns.type, params.type) : undefined,
        keysetAfter(jobRuns.createdAt, jobRuns.id, true, params.cursor),
      ),
    )
    .orderBy(...keysetOrder(jobRuns.createdAt, jobRuns.id, true))
    .limit(params.limit + 1);
}

export const findJobRun = async (db: DbOrTx, scope: RunScope, id: string) =>
  (
    await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.id, id), scoped(scope)))
  )[0] ?? null;
