import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
  timestampKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { folders, subtreeOf } from '../folders/index.js';
import { users } from '../users/index.js';
import { overdueCondition } from './queries.js';
import { findings, findingsAssessments } from './tables.js';

export type AssessmentRow = typeof findingsAssessments.$inferSelect;

const sortKeys = {
  name: textKey(findingsAssessments.name),
  refId: textKey(findingsAssessments.refId),
  status: textKey(findingsAssessments.status),
  updatedAt: timestampKey(findingsAssessments.updatedAt),
} satisfies Record<string, SortKey>;
export type AssessmentSort = keyof typeof sortKeys;

const base = <E extends Record<string, SQL>>(db: DbOrTx, extra: E = {} as E) =>
  db
    .select({
      row: findingsAssessments,
      folderPath: folders.path,
      ownerName: users.displayName,
      ownerEmail: users.email,
      ...extra,
    })
    .from(findingsAssessments)
    .innerJoin(folders, eq(folders.id, findingsAssessments.folderId))
    .leftJoin(users, eq(users.id, findingsAssessments.ownerId));

export function listAssessments(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    category?: AssessmentRow['category'];
    status?: AssessmentRow['status'];
    folderId?: string;
    sort: AssessmentSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return base(db, { sortCursor: sortCursorColumn(key) })
    .where(
      and(
        eq(findingsAssessments.organizationId, params.organizationId),
        inArray(findingsAssessments.folderId, params.visible),
        like
          ? or(
              ilike(findingsAssessments.name, like),
              ilike(findingsAssessments.refId, like),
              ilike(findingsAssessments.description, like),
            )
          : undefined,
        params.category ? eq(findingsAssessments.category, params.category) : undefined,
        params.status ? eq(findingsAssessments.status, params.status) : undefined,
        params.folderId
          ? inArray(findingsAssessments.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        keysetWhere(key, findingsAssessments.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, findingsAssessments.id, params.descending))
    .limit(params.limit + 1);
}

export const findAssessment = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await base(db).where(and(eq(findingsAssessments.id, id), eq(findingsAssessments.organizationId, organizationId)))
  )[0] ?? null;
export type AssessmentWithOwner = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/**
 * Findings of some assessments grouped by severity and status, with how many of each group are overdue. Only the
 * findings the caller may read are counted (a finding may live in another folder than its assessment).
 */
export function findingFigures(db: DbOrTx, assessmentIds: string[], findingVisible: SQL, today: string) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      assessmentId: findings.findingsAssessmentId,
      severity: findings.severity,
      status: findings.status,
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
    })
    .from(findings)
    .where(and(inArray(findings.findingsAssessmentId, assessmentIds), inArray(findings.folderId, findingVisible)))
    .groupBy(findings.findingsAssessmentId, findings.severity, findings.status);
}

export const countAssessmentsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(findingsAssessments)
        .where(eq(findingsAssessments.folderId, folderId))
    )[0]?.n ?? 0,
  );
