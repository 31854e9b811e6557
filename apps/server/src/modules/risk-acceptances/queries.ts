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
import { acceptanceInForce } from './in-force-sql.js';
import type { RiskAcceptanceState } from './rules.js';
import { visibleScenarioCount } from './scenario-lookups.js';
import { riskAcceptanceScenarios, riskAcceptances } from './tables.js';

export type AcceptanceRow = typeof riskAcceptances.$inferSelect;

const sortKeys = {
  name: textKey(riskAcceptances.name),
  refId: textKey(riskAcceptances.refId),
  state: textKey(riskAcceptances.state),
  expiryDate: dateKey(riskAcceptances.expiryDate),
  updatedAt: timestampKey(riskAcceptances.updatedAt),
} satisfies Record<string, SortKey>;
export type AcceptanceSort = keyof typeof sortKeys;

const withCounts = (scenariosVisible: SQL) => ({
  row: riskAcceptances,
  folderPath: folders.path,
  scenarioCount: visibleScenarioCount(riskAcceptances.id, scenariosVisible),
});

export interface ListFilters {
  q?: string;
  state?: RiskAcceptanceState;
  folderId?: string;
  approverId?: string;
  riskScenarioId?: string;
  inForce?: boolean;
  expiringWithinDays?: number;
}

export function listAcceptances(
  db: DbOrTx,
  params: ListFilters & {
    organizationId: string;
    visible: SQL;
    scenariosVisible: SQL;
    today: string;
    sort: AcceptanceSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  const like = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({ ...withCounts(params.scenariosVisible), sortCursor: sortCursorColumn(key) })
    .from(riskAcceptances)
    .innerJoin(folders, eq(folders.id, riskAcceptances.folderId))
    .where(
      and(
        eq(riskAcceptances.organizationId, params.organizationId),
        inArray(riskAcceptances.folderId, params.visible),
        like
          ? or(
              ilike(riskAcceptances.name, like),
              ilike(riskAcceptances.refId, like),
              ilike(riskAcceptances.description, like),
              ilike(riskAcceptances.justification, like),
            )
          : undefined,
        params.state ? eq(riskAcceptances.state, params.state) : undefined,
        params.folderId
          ? inArray(riskAcceptances.folderId, subtreeOf(params.organizationId, params.folderId))
          : undefined,
        params.approverId ? eq(riskAcceptances.approverId, params.approverId) : undefined,
        params.riskScenarioId
          ? sql`${riskAcceptances.id} in (select l.risk_acceptance_id from ${riskAcceptanceScenarios} l
              where l.risk_scenario_id = ${params.riskScenarioId})`
          : undefined,
        params.inForce === undefined
          ? undefined
          : params.inForce
            ? acceptanceInForce(params.today)
            : sql`not ${acceptanceInForce(params.today)}`,
        params.expiringWithinDays === undefined
          ? undefined
          : and(
              acceptanceInForce(params.today),
              sql`${riskAcceptances.expiryDate} <= ${params.today}::date + ${params.expiringWithinDays}::int`,
            ),
        keysetWhere(key, riskAcceptances.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, riskAcceptances.id, params.descending))
    .limit(params.limit + 1);
}

export const findAcceptance = async (db: DbOrTx, organizationId: string, id: string, scenariosVisible: SQL) =>
  (
    await db
      .select(withCounts(scenariosVisible))
      .from(riskAcceptances)
      .innerJoin(folders, eq(folders.id, riskAcceptances.folderId))
      .where(and(eq(riskAcceptances.id, id), eq(riskAcceptances.organizationId, organizationId)))
  )[0] ?? null;
export type AcceptanceWithCounts = NonNullable<Awaited<ReturnType<typeof findAcceptance>>>;

/** Takes the row lock that serialises changes of one acceptance (state and links read, then written). */
export const lockAcceptance = (db: DbOrTx, organizationId: string, id: string) =>
  db
    .select({ id: riskAcceptances.id })
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.id, id), eq(riskAcceptances.organizationId, organizationId)))
    .for('no key update');

export const linkedScenarioIds = async (db: DbOrTx, acceptanceId: string) =>
  (
    await db
      .select({ id: riskAcceptanceScenarios.riskScenarioId })
      .from(riskAcceptanceScenarios)
      .where(eq(riskAcceptanceScenarios.riskAcceptanceId, acceptanceId))
  ).map((r) => r.id);

export async function addScenarioLinks(db: DbOrTx, acceptanceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .insert(riskAcceptanceScenarios)
    .values(ids.map((riskScenarioId) => ({ riskAcceptanceId: acceptanceId, riskScenarioId })))
    .onConflictDoNothing();
}

export async function removeScenarioLinks(db: DbOrTx, acceptanceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .delete(riskAcceptanceScenarios)
    .where(
      and(
        eq(riskAcceptanceScenarios.riskAcceptanceId, acceptanceId),
        inArray(riskAcceptanceScenarios.riskScenarioId, ids),
      ),
    );
}

export const countAcceptancesInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(riskAcceptances)
        .where(eq(riskAcceptances.folderId, folderId))
    )[0]?.n ?? 0,
  );
