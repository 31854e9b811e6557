import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { escapeLike } from '../../platform/db/like.js';
import {
  dateKey,
  integerKey,
  keysetOrderBy,
  keysetWhere,
  type SortKey,
  sortCursorColumn,
  textKey,
  timestampKey,
} from '../../platform/http/nullable-keyset.js';
import type { Cursor } from '../../platform/http/pagination.js';
import { appliedControlEvidence, evidence } from '../evidence/index.js';
import { folders, subtreeOf } from '../folders/index.js';
import { users } from '../users/index.js';
import { appliedControlOwners, appliedControlRequirements, appliedControls } from './tables.js';

export type ControlRow = typeof appliedControls.$inferSelect;

const sortKeys = {
  name: textKey(appliedControls.name),
  refId: textKey(appliedControls.refId),
  status: textKey(appliedControls.status),
  priority: integerKey(appliedControls.priority),
  eta: dateKey(appliedControls.eta),
  updatedAt: timestampKey(appliedControls.updatedAt),
} satisfies Record<string, SortKey>;
export type ControlSort = keyof typeof sortKeys;

/**
 * The row with its folder path and link counts. Evidence is counted only where the caller may read it, so the
 * count never reveals evidence outside their folders (the detail lists exactly those).
 */
const withCounts = (evidenceVisible: SQL) => ({
  row: appliedControls,
  folderPath: folders.path,
  requirementCount: sql<number>`(select count(*)::int from ${appliedControlRequirements} acr
    where acr.applied_control_id = ${appliedControls.id})`,
  evidenceCount: sql<number>`(select count(*)::int from ${appliedControlEvidence} ace
    join ${evidence} ev on ev.id = ace.evidence_id
    where ace.applied_control_id = ${appliedControls.id} and ev.folder_id in ${evidenceVisible})`,
});

export function listControls(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    evidenceVisible: SQL;
    q?: string;
    status?: ControlRow['status'];
    category?: NonNullable<ControlRow['category']>;
    csfFunction?: NonNullable<ControlRow['csfFunction']>;
    folderId?: string;
    ownerId?: string;
    requirementNodeId?: string;
    evidenceId?: string;
    sort: ControlSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  const linkedTo = (table: SQL, column: string, value: string) =>
    sql`${appliedControls.id} in (select l.applied_control_id from ${table} l where l.${sql.raw(column)} = ${value})`;
  return db
    .select({ ...withCounts(params.evidenceVisible), sortCursor: sortCursorColumn(key) })
    .from(appliedControls)
    .innerJoin(folders, eq(folders.id, appliedControls.folderId))
    .where(
      and(
        eq(appliedControls.organizationId, params.organizationId),
        inArray(appliedControls.folderId, params.visible),
        like
          ? or(
              ilike(appliedControls.name, like),
              ilike(appliedControls.refId, like),
              ilike(appliedControls.description, like),
            )
          : undefined,
        params.status ? eq(appliedControls.status, params.status) : undefined,
        params.category ? eq(appliedControls.category, params.category) : undefined,
        params.csfFunction ? eq(appliedControls.csfFunction, params.csfFunction) : undefined,
        params.folderId
          ? inArray(appliedControls.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        params.ownerId ? linkedTo(sql`${appliedControlOwners}`, 'user_id', params.ownerId) : undefined,
        params.requirementNodeId
          ? linkedTo(sql`${appliedControlRequirements}`, 'requirement_node_id', params.requirementNodeId)
          : undefined,
        params.evidenceId ? linkedTo(sql`${appliedControlEvidence}`, 'evidence_id', params.evidenceId) : undefined,
        keysetWhere(key, appliedControls.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, appliedControls.id, params.descending))
    .limit(params.limit + 1);
}

export const findControl = async (db: DbOrTx, organizationId: string, id: string, evidenceVisible: SQL) =>
  (
    await db
      .select(withCounts(evidenceVisible))
      .from(appliedControls)
      .innerJoin(folders, eq(folders.id, appliedControls.folderId))
      .where(and(eq(appliedControls.id, id), eq(appliedControls.organizationId, organizationId)))
  )[0] ?? null;
export type ControlWithCounts = NonNullable<Awaited<ReturnType<typeof findControl>>>;

/** Owners of several controls in one query (a list page). */
export const ownersOf = (db: DbOrTx, controlIds: string[]) =>
  controlIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          appliedControlId: appliedControlOwners.appliedControlId,
          id: users.id,
          displayName: users.displayName,
          email: users.email,
        })
        .from(appliedControlOwners)
        .innerJoin(users, eq(users.id, appliedControlOwners.userId))
        .where(inArray(appliedControlOwners.appliedControlId, controlIds))
        .orderBy(users.displayName, users.id);

export async function replaceOwners(db: DbOrTx, controlId: string, userIds: string[]) {
  await db.delete(appliedControlOwners).where(eq(appliedControlOwners.appliedControlId, controlId));
  if (userIds.length > 0) {
    await db.insert(appliedControlOwners).values(userIds.map((userId) => ({ appliedControlId: controlId, userId })));
  }
}

export const countControlsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(appliedControls)
        .where(eq(appliedControls.folderId, folderId))
    )[0]?.n ?? 0,
  );
