import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, selectRows } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  dateKey,
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
  timestampKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { folders } from '../folders/index.js';
import { frameworks } from '../frameworks/index.js';
import { users } from '../users/index.js';
import { complianceAssessmentPeople, complianceAssessments } from './tables.js';

/**
 * The result counts of one assessment as a correlated subquery: part of the list's single statement, so a page
 * of 50 assessments costs one round trip, not 51.
 */
const resultCounts = sql<Record<string, number>>`(
  select json_build_object(
    'total', count(*),
    'not_assessed', count(*) filter (where ra.result = 'not_assessed'),
    'compliant', count(*) filter (where ra.result = 'compliant'),
    'partially_compliant', count(*) filter (where ra.result = 'partially_compliant'),
    'non_compliant', count(*) filter (where ra.result = 'non_compliant'),
    'not_applicable', count(*) filter (where ra.result = 'not_applicable'))
  from requirement_assessments ra where ra.assessment_id = ${complianceAssessments.id})`;

const columns = {
  id: complianceAssessments.id,
  organizationId: complianceAssessments.organizationId,
  folderId: complianceAssessments.folderId,
  folderName: folders.name,
  folderPath: folders.path,
  frameworkId: complianceAssessments.frameworkId,
  frameworkUrn: frameworks.urn,
  frameworkName: frameworks.name,
  frameworkVersion: frameworks.frameworkVersion,
  refId: complianceAssessments.refId,
  name: complianceAssessments.name,
  description: complianceAssessments.description,
  status: complianceAssessments.status,
  implementationGroups: complianceAssessments.implementationGroups,
  scoringMethod: complianceAssessments.scoringMethod,
  dueDate: complianceAssessments.dueDate,
  lockedAt: complianceAssessments.lockedAt,
  inferredFrom: complianceAssessments.inferredFrom,
  createdAt: complianceAssessments.createdAt,
  updatedAt: complianceAssessments.updatedAt,
  version: complianceAssessments.version,
  counts: resultCounts,
};

/** A list row without its cursor column: the detail row (findAssessment) is one too. */
export type AssessmentRow = Omit<Awaited<ReturnType<typeof listAssessments>>[number], 'sortCursor'>;

/**
 * Null-safe sort keys (rows without a due date sort last and still page), and a cursor built in SQL from the
 * compared value itself, so created_at keeps its microseconds (a JavaScript Date would cut them to milliseconds
 * and repeat the boundary row on the next page).
 */
const sortKeys = {
  name: textKey(complianceAssessments.name),
  createdAt: timestampKey(complianceAssessments.createdAt),
  dueDate: dateKey(complianceAssessments.dueDate),
} satisfies Record<string, SortKey>;
export type AssessmentSort = keyof typeof sortKeys;

export function listAssessments(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    status?: string;
    frameworkId?: string;
    frameworkUrn?: string;
    folderPath?: string;
    sort: AssessmentSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({ ...columns, sortCursor: sortCursorColumn(key) })
    .from(complianceAssessments)
    .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
    .innerJoin(frameworks, eq(frameworks.id, complianceAssessments.frameworkId))
    .where(
      and(
        eq(complianceAssessments.organizationId, params.organizationId),
        inArray(complianceAssessments.folderId, params.visible),
        like ? or(ilike(complianceAssessments.name, like), ilike(complianceAssessments.refId, like)) : undefined,
        params.status ? eq(complianceAssessments.status, params.status as 'planned') : undefined,
        params.frameworkId ? eq(complianceAssessments.frameworkId, params.frameworkId) : undefined,
        params.frameworkUrn ? eq(frameworks.urn, params.frameworkUrn) : undefined,
        params.folderPath ? sql`starts_with(${folders.path}, ${params.folderPath})` : undefined,
        keysetWhere(key, complianceAssessments.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, complianceAssessments.id, params.descending))
    .limit(params.limit + 1);
}

/** One assessment of the organisation with its folder path and framework, or null. */
export async function findAssessment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({
      ...columns,
      frameworkImplementationGroups: frameworks.implementationGroups,
      minScore: frameworks.minScore,
      maxScore: frameworks.maxScore,
      scoresDefinition: frameworks.scoresDefinition,
    })
    .from(complianceAssessments)
    .innerJoin(folders, eq(folders.id, complianceAssessments.folderId))
    .innerJoin(frameworks, eq(frameworks.id, complianceAssessments.frameworkId))
    .where(and(eq(complianceAssessments.id, id), eq(complianceAssessments.organizationId, organizationId)));
  return row ?? null;
}
export type AssessmentDetailRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/**
 * The assessment's lock state, read under a share lock: requirement writes of one assessment proceed together,
 * but wait for (and then see) a concurrent status change that locks it.
 */
export async function lockStateForWrite(db: DbOrTx, id: string) {
  const [row] = await selectRows<{ locked_at: Date | string | null }>(
    db,
    sql`select locked_at from compliance_assessments where id = ${id} for share`,
  );
  return { lockedAt: row?.locked_at ? new Date(row.locked_at) : null };
}

export const listPeople = (db: DbOrTx, assessmentId: string) =>
  db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: complianceAssessmentPeople.role,
    })
    .from(complianceAssessmentPeople)
    .innerJoin(users, eq(users.id, complianceAssessmentPeople.userId))
    .where(eq(complianceAssessmentPeople.assessmentId, assessmentId))
    .orderBy(users.displayName);

export async function replacePeople(db: DbOrTx, assessmentId: string, role: 'author' | 'reviewer', userIds: string[]) {
  await db
    .delete(complianceAssessmentPeople)
    .where(and(eq(complianceAssessmentPeople.assessmentId, assessmentId), eq(complianceAssessmentPeople.role, role)));
  const unique = [...new Set(userIds)];
  if (unique.length > 0) {
    await db.insert(complianceAssessmentPeople).values(unique.map((userId) => ({ assessmentId, userId, role })));
  }
}

export async function countInFolder(db: DbOrTx, folderId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(complianceAssessments)
    .where(eq(complianceAssessments.folderId, folderId));
  return Number(row?.count ?? 0);
}
