import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
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
import { folders, subtreeOf } from '../folders/index.js';
import { riskMatrices } from '../risk-matrices/index.js';
import { users } from '../users/index.js';
import { flaggedSql } from './acceptance-lookups.js';
import { riskAssessmentPeople, riskAssessments, riskScenarios } from './tables.js';

export type AssessmentRow = typeof riskAssessments.$inferSelect;
type PersonRole = (typeof riskAssessmentPeople.$inferSelect)['role'];

const sortKeys = {
  name: textKey(riskAssessments.name),
  refId: textKey(riskAssessments.refId),
  status: textKey(riskAssessments.status),
  dueDate: dateKey(riskAssessments.dueDate),
  updatedAt: timestampKey(riskAssessments.updatedAt),
} satisfies Record<string, SortKey>;
export type AssessmentSort = keyof typeof sortKeys;

const withMatrix = {
  row: riskAssessments,
  folderPath: folders.path,
  matrix: { id: riskMatrices.id, name: riskMatrices.name, revision: riskMatrices.revision },
};

export function listAssessments(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    q?: string;
    folderId?: string;
    status?: AssessmentRow['status'];
    riskMatrixId?: string;
    sort: AssessmentSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({ ...withMatrix, sortCursor: sortCursorColumn(key) })
    .from(riskAssessments)
    .innerJoin(folders, eq(folders.id, riskAssessments.folderId))
    .innerJoin(riskMatrices, eq(riskMatrices.id, riskAssessments.riskMatrixId))
    .where(
      and(
        eq(riskAssessments.organizationId, params.organizationId),
        inArray(riskAssessments.folderId, params.visible),
        like
          ? or(
              ilike(riskAssessments.name, like),
              ilike(riskAssessments.refId, like),
              ilike(riskAssessments.description, like),
            )
          : undefined,
        params.folderId
          ? inArray(riskAssessments.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        params.status ? eq(riskAssessments.status, params.status) : undefined,
        params.riskMatrixId ? eq(riskAssessments.riskMatrixId, params.riskMatrixId) : undefined,
        keysetWhere(key, riskAssessments.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, riskAssessments.id, params.descending))
    .limit(params.limit + 1);
}

export const findAssessment = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select(withMatrix)
      .from(riskAssessments)
      .innerJoin(folders, eq(folders.id, riskAssessments.folderId))
      .innerJoin(riskMatrices, eq(riskMatrices.id, riskAssessments.riskMatrixId))
      .where(and(eq(riskAssessments.id, id), eq(riskAssessments.organizationId, organizationId)))
  )[0] ?? null;
export type AssessmentWithMatrix = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** Scenario counts of the assessments of one page (one grouped query). */
export async function scenarioCounts(db: DbOrTx, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: riskScenarios.riskAssessmentId, n: sql<number>`count(*)::int` })
    .from(riskScenarios)
    .where(inArray(riskScenarios.riskAssessmentId, assessmentIds))
    .groupBy(riskScenarios.riskAssessmentId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** An assessment's figures with nothing counted: what a caller who may not read its scenarios sees. */
export const noFigures = () => ({
  scenarios: 0,
  rated: 0,
  flagged: 0,
  byTreatment: { open: 0, mitigate: 0, accept: 0, avoid: 0, transfer: 0 },
});

/** The figures of one assessment's header: totals, rated, flagged (today) and by treatment. */
export async function assessmentFigures(db: DbOrTx, assessmentId: string, today: string) {
  const rows = await db
    .select({
      treatment: riskScenarios.treatment,
      n: sql<number>`count(*)::int`,
      rated: sql<number>`count(*) filter (where ${riskScenarios.currentLevel} <> -1)::int`,
      flagged: sql<number>`count(*) filter (where ${flaggedSql(today)})::int`,
    })
    .from(riskScenarios)
    .innerJoin(riskAssessments, eq(riskAssessments.id, riskScenarios.riskAssessmentId))
    .where(eq(riskScenarios.riskAssessmentId, assessmentId))
    .groupBy(riskScenarios.treatment);
  const { byTreatment } = noFigures();
  let scenarios = 0;
  let rated = 0;
  let flagged = 0;
  for (const r of rows) {
    byTreatment[r.treatment] = Number(r.n);
    scenarios += Number(r.n);
    rated += Number(r.rated);
    flagged += Number(r.flagged);
  }
  return { scenarios, rated, flagged, byTreatment };
}

/** Whether any scenario of the assessment holds a rating (one indexed probe). */
export async function hasRatedScenario(db: DbOrTx, assessmentId: string) {
  const rows = await db
    .select({ id: riskScenarios.id })
    .from(riskScenarios)
    .where(
      and(
        eq(riskScenarios.riskAssessmentId, assessmentId),
        sql`(${riskScenarios.inherentProbability} <> -1 or ${riskScenarios.inherentImpact} <> -1
          or ${riskScenarios.currentProbability} <> -1 or ${riskScenarios.currentImpact} <> -1
          or ${riskScenarios.residualProbability} <> -1 or ${riskScenarios.residualImpact} <> -1)`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export const peopleOf = (db: DbOrTx, assessmentId: string) =>
  db
    .select({ role: riskAssessmentPeople.role, id: users.id, displayName: users.displayName, email: users.email })
    .from(riskAssessmentPeople)
    .innerJoin(users, eq(users.id, riskAssessmentPeople.userId))
    .where(eq(riskAssessmentPeople.riskAssessmentId, assessmentId))
    .orderBy(users.displayName, users.id);

export async function replacePeople(db: DbOrTx, assessmentId: string, role: PersonRole, userIds: string[]) {
  await db
    .delete(riskAssessmentPeople)
    .where(and(eq(riskAssessmentPeople.riskAssessmentId, assessmentId), eq(riskAssessmentPeople.role, role)));
  if (userIds.length > 0) {
    await db
      .insert(riskAssessmentPeople)
      .values(userIds.map((userId) => ({ riskAssessmentId: assessmentId, userId, role })));
  }
}

export const countAssessmentsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(riskAssessments)
        .where(eq(riskAssessments.folderId, folderId))
    )[0]?.n ?? 0,
  );
