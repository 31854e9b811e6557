import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import type { JobRunDto } from './contracts.js';
import * as q from './queries.js';

const toDto = (row: q.JobRunRow): JobRunDto => ({
  id: row.id,
  type: row.type,
  status: row.status,
  progress: row.progress,
  message: row.message,
  result: row.result ?? null,
  error: row.error,
  attempts: row.attempts,
  folderId: row.folderId,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

const scopeOf = (access: Access): q.RunScope => ({
  organizationId: access.organizationId,
  userId: access.userId,
  visibleFolders: access.visibleFolderIds('job:read'),
  rootRead: access.canAtRoot('job:read'),
});

/** Read-only view of job runs: the UI polls a run for its progress and shows the organisation's history. */
export function createJobRunService(deps: { db: Database }) {
  const { db } = deps;
  return {
    async list(
      access: Access,
      params: { status?: q.JobRunRow['status']; type?: string; cursor: Cursor | null; limit: number },
    ) {
      const rows = await q.listJobRuns(db, scopeOf(access), params);
      const page = toPage(rows, params.limit, (r) => r.createdAt);
      return { items: page.items.map(toDto), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string) {
      const row = await q.findJobRun(db, scopeOf(access), id);
      if (!row) throw notFound('Job');
      return toDto(row);
    },
  };
}
