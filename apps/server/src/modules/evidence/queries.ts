import { and, desc, eq, ilike, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
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
import { users } from '../users/index.js';
import { appliedControlEvidence, evidence, evidenceRevisions } from './tables.js';

export type EvidenceRow = typeof evidence.$inferSelect;
export type RevisionRow = typeof evidenceRevisions.$inferSelect;

const sortKeys = {
  name: textKey(evidence.name),
  refId: textKey(evidence.refId),
  status: textKey(evidence.status),
  validUntil: dateKey(evidence.validUntil),
  updatedAt: timestampKey(evidence.updatedAt),
} satisfies Record<string, SortKey>;
export type EvidenceSort = keyof typeof sortKeys;

const withOwner = {
  row: evidence,
  folderPath: folders.path,
  ownerDisplayName: users.displayName,
  ownerEmail: users.email,
};

export function listEvidence(
  db: DbOrTx,
  params: {
    organizationId: string;
    visible: SQL;
    today: string;
    q?: string;
    status?: EvidenceRow['status'];
    folderId?: string;
    ownerId?: string;
    appliedControlId?: string;
    expiringWithinDays?: number;
    expired?: boolean;
    sort: EvidenceSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({ ...withOwner, sortCursor: sortCursorColumn(key) })
    .from(evidence)
    .innerJoin(folders, eq(folders.id, evidence.folderId))
    .leftJoin(users, eq(users.id, evidence.ownerId))
    .where(
      and(
        eq(evidence.organizationId, params.organizationId),
        inArray(evidence.folderId, params.visible),
        like
          ? or(ilike(evidence.name, like), ilike(evidence.refId, like), ilike(evidence.description, like))
          : undefined,
        params.status ? eq(evidence.status, params.status) : undefined,
        params.folderId ? inArray(evidence.folderId, subtreeOf(params.organizationId, params.folderId)) : undefined,
        params.ownerId ? eq(evidence.ownerId, params.ownerId) : undefined,
        params.appliedControlId
          ? inArray(
              evidence.id,
              db
                .select({ id: appliedControlEvidence.evidenceId })
                .from(appliedControlEvidence)
                .where(eq(appliedControlEvidence.appliedControlId, params.appliedControlId)),
            )
          : undefined,
        params.expiringWithinDays !== undefined
          ? sql`${evidence.validUntil} between ${params.today}::date and ${params.today}::date + ${params.expiringWithinDays}::int`
          : undefined,
        params.expired === true
          ? and(isNotNull(evidence.validUntil), lt(evidence.validUntil, params.today))
          : undefined,
        params.expired === false
          ? sql`(${evidence.validUntil} is null or ${evidence.validUntil} >= ${params.today}::date)`
          : undefined,
        keysetWhere(key, evidence.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, evidence.id, params.descending))
    .limit(params.limit + 1);
}

export const findEvidence = async (db: DbOrTx, organizationId: string, id: string) =>
  (
    await db
      .select(withOwner)
      .from(evidence)
      .innerJoin(folders, eq(folders.id, evidence.folderId))
      .leftJoin(users, eq(users.id, evidence.ownerId))
      .where(and(eq(evidence.id, id), eq(evidence.organizationId, organizationId)))
  )[0] ?? null;
export type EvidenceWithOwner = NonNullable<Awaited<ReturnType<typeof findEvidence>>>;

/** Locks the row for the rest of the transaction (status changes and revision numbers serialise on it). */
export const lockEvidence = (db: DbOrTx, id: string) =>
  db.execute(sql`select 1 from ${evidence} where ${evidence.id} = ${id} for update`);

export const listRevisions = (db: DbOrTx, evidenceId: string) =>
  db
    .select({ revision: evidenceRevisions, createdByName: users.displayName })
    .from(evidenceRevisions)
    .leftJoin(users, eq(users.id, evidenceRevisions.createdBy))
    .where(eq(evidenceRevisions.evidenceId, evidenceId))
    .orderBy(desc(evidenceRevisions.number))
    .limit(1000);

export const findRevision = async (db: DbOrTx, evidenceId: string, number: number) =>
  (
    await db
      .select()
      .from(evidenceRevisions)
      .where(and(eq(evidenceRevisions.evidenceId, evidenceId), eq(evidenceRevisions.number, number)))
  )[0] ?? null;

/** Evidence rows of the organisation among `ids`, with their folder path (for the caller's read check). */
export const evidenceForLinking = (db: DbOrTx, organizationId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: evidence.id, name: evidence.name, folderPath: folders.path })
        .from(evidence)
        .innerJoin(folders, eq(folders.id, evidence.folderId))
        .where(and(eq(evidence.organizationId, organizationId), inArray(evidence.id, ids)));

/** The evidence attached to a control that the caller may read (others stay hidden, not revealed by count). */
export const evidenceOfControl = (db: DbOrTx, appliedControlId: string, visible: SQL) =>
  db
    .select({
      id: evidence.id,
      refId: evidence.refId,
      name: evidence.name,
      status: evidence.status,
      validUntil: evidence.validUntil,
      revisionCount: evidence.revisionCount,
    })
    .from(appliedControlEvidence)
    .innerJoin(evidence, eq(evidence.id, appliedControlEvidence.evidenceId))
    .where(and(eq(appliedControlEvidence.appliedControlId, appliedControlId), inArray(evidence.folderId, visible)))
    .orderBy(evidence.name, evidence.id)
    .limit(1000);

export const linkedEvidenceIds = async (db: DbOrTx, appliedControlId: string) =>
  (
    await db
      .select({ id: appliedControlEvidence.evidenceId })
      .from(appliedControlEvidence)
      .where(eq(appliedControlEvidence.appliedControlId, appliedControlId))
  ).map((r) => r.id);

export async function addEvidenceLinks(db: DbOrTx, appliedControlId: string, evidenceIds: string[]) {
  if (evidenceIds.length === 0) return;
  await db
    .insert(appliedControlEvidence)
    .values(evidenceIds.map((evidenceId) => ({ appliedControlId, evidenceId })))
    .onConflictDoNothing();
}

export async function removeEvidenceLinks(db: DbOrTx, appliedControlId: string, evidenceIds: string[]) {
  if (evidenceIds.length === 0) return;
  await db
    .delete(appliedControlEvidence)
    .where(
      and(
        eq(appliedControlEvidence.appliedControlId, appliedControlId),
        inArray(appliedControlEvidence.evidenceId, evidenceIds),
      ),
    );
}

export const countEvidenceInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(evidence).where(eq(evidence.folderId, folderId)))[0]?.n ??
      0,
  );
