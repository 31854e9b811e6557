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
import { visibleControlCount, visibleRequirementAssessmentCount } from './link-lookups.js';
import type { SecurityExceptionState } from './rules.js';
import {
  securityExceptionControls,
  securityExceptionRequirementAssessments,
  securityExceptions,
  type severities,
} from './tables.js';

export type ExceptionRow = typeof securityExceptions.$inferSelect;

const sortKeys = {
  name: textKey(securityExceptions.name),
  refId: textKey(securityExceptions.refId),
  state: textKey(securityExceptions.state),
  expiryDate: dateKey(securityExceptions.expiryDate),
  updatedAt: timestampKey(securityExceptions.updatedAt),
} satisfies Record<string, SortKey>;
export type ExceptionSort = keyof typeof sortKeys;

/** Folder ids where the caller may read what the links point at. */
export interface LinkVisibility {
  assessments: SQL;
  controls: SQL;
}

const withCounts = (links: LinkVisibility) => ({
  row: securityExceptions,
  folderPath: folders.path,
  requirementAssessmentCount: visibleRequirementAssessmentCount(securityExceptions.id, links.assessments),
  appliedControlCount: visibleControlCount(securityExceptions.id, links.controls),
});

export interface ListFilters {
  q?: string;
  state?: SecurityExceptionState;
  severity?: (typeof severities)[number];
  folderId?: string;
  ownerId?: string;
  approverId?: string;
  requirementAssessmentId?: string;
  appliedControlId?: string;
}

export function listExceptions(
  db: DbOrTx,
  params: ListFilters & {
    organizationId: string;
    visible: SQL;
    links: LinkVisibility;
    sort: ExceptionSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({ ...withCounts(params.links), sortCursor: sortCursorColumn(key) })
    .from(securityExceptions)
    .innerJoin(folders, eq(folders.id, securityExceptions.folderId))
    .where(
      and(
        eq(securityExceptions.organizationId, params.organizationId),
        inArray(securityExceptions.folderId, params.visible),
        like
          ? or(
              ilike(securityExceptions.name, like),
              ilike(securityExceptions.refId, like),
              ilike(securityExceptions.description, like),
              ilike(securityExceptions.justification, like),
            )
          : undefined,
        params.state ? eq(securityExceptions.state, params.state) : undefined,
        params.severity ? eq(securityExceptions.severity, params.severity) : undefined,
        params.folderId
          ? inArray(securityExceptions.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        params.ownerId ? eq(securityExceptions.ownerId, params.ownerId) : undefined,
        params.approverId ? eq(securityExceptions.approverId, params.approverId) : undefined,
        params.requirementAssessmentId
          ? sql`${securityExceptions.id} in (select l.security_exception_id from
              ${securityExceptionRequirementAssessments} l
              where l.requirement_assessment_id = ${params.requirementAssessmentId})`
          : undefined,
        params.appliedControlId
          ? sql`${securityExceptions.id} in (select l.security_exception_id from ${securityExceptionControls} l
              where l.applied_control_id = ${params.appliedControlId})`
          : undefined,
        keysetWhere(key, securityExceptions.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, securityExceptions.id, params.descending))
    .limit(params.limit + 1);
}

export const findException = async (db: DbOrTx, organizationId: string, id: string, links: LinkVisibility) =>
  (
    await db
      .select(withCounts(links))
      .from(securityExceptions)
      .innerJoin(folders, eq(folders.id, securityExceptions.folderId))
      .where(and(eq(securityExceptions.id, id), eq(securityExceptions.organizationId, organizationId)))
  )[0] ?? null;
export type ExceptionWithCounts = NonNullable<Awaited<ReturnType<typeof findException>>>;

/** The row lock that serialises changes of one exception (state and links are read, then written). */
export const lockException = (db: DbOrTx, organizationId: string, id: string) =>
  db
    .select({ id: securityExceptions.id })
    .from(securityExceptions)
    .where(and(eq(securityExceptions.id, id), eq(securityExceptions.organizationId, organizationId)))
    .for('no key update');

/** The two link tables behind one interface, so the link service treats them alike. */
export const linkTables = {
  requirementAssessments: {
    current: async (db: DbOrTx, exceptionId: string) =>
      (
        await db
          .select({ id: securityExceptionRequirementAssessments.requirementAssessmentId })
          .from(securityExceptionRequirementAssessments)
          .where(eq(securityExceptionRequirementAssessments.securityExceptionId, exceptionId))
      ).map((r) => r.id),
    add: async (db: DbOrTx, exceptionId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .insert(securityExceptionRequirementAssessments)
        .values(ids.map((requirementAssessmentId) => ({ securityExceptionId: exceptionId, requirementAssessmentId })))
        .onConflictDoNothing();
    },
    remove: async (db: DbOrTx, exceptionId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .delete(securityExceptionRequirementAssessments)
        .where(
          and(
            eq(securityExceptionRequirementAssessments.securityExceptionId, exceptionId),
            inArray(securityExceptionRequirementAssessments.requirementAssessmentId, ids),
          ),
        );
    },
  },
  appliedControls: {
    current: async (db: DbOrTx, exceptionId: string) =>
      (
        await db
          .select({ id: securityExceptionControls.appliedControlId })
          .from(securityExceptionControls)
          .where(eq(securityExceptionControls.securityExceptionId, exceptionId))
      ).map((r) => r.id),
    add: async (db: DbOrTx, exceptionId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .insert(securityExceptionControls)
        .values(ids.map((appliedControlId) => ({ securityExceptionId: exceptionId, appliedControlId })))
        .onConflictDoNothing();
    },
    remove: async (db: DbOrTx, exceptionId: string, ids: string[]) => {
      if (ids.length === 0) return;
      await db
        .delete(securityExceptionControls)
        .where(
          and(
            eq(securityExceptionControls.securityExceptionId, exceptionId),
            inArray(securityExceptionControls.appliedControlId, ids),
          ),
        );
    },
  },
};

export const countExceptionsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(securityExceptions)
        .where(eq(securityExceptions.folderId, folderId))
    )[0]?.n ?? 0,
  );
