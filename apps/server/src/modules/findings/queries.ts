import { and, eq, ilike, inArray, isNotNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
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
import { folders, subtreeOf } from '../folders/index.js';
import { users } from '../users/index.js';
import { type LinkTarget, linkCountFields } from './link-lookups.js';
import { doneStatuses } from './rules.js';
import { findingAssets, findingControls, findingScenarios, findings, findingsAssessments } from './tables.js';

export type FindingRow = typeof findings.$inferSelect;

/** Severity as its rank (info 0 … critical 4): `-severity` lists critical first. */
const severityRankSql = sql`(case ${findings.severity} when 'critical' then 4 when 'high' then 3
  when 'medium' then 2 when 'low' then 1 else 0 end)`;

const sortKeys = {
  severity: integerKey(severityRankSql),
  dueDate: dateKey(findings.dueDate),
  identifiedAt: timestampKey(findings.identifiedAt),
  title: textKey(findings.title),
  updatedAt: timestampKey(findings.updatedAt),
} satisfies Record<string, SortKey>;
export type FindingSort = keyof typeof sortKeys;

const selection = (visible: Record<LinkTarget, SQL>) => ({
  row: findings,
  folderPath: folders.path,
  ownerName: users.displayName,
  ownerEmail: users.email,
  assessmentName: findingsAssessments.name,
  ...linkCountFields(sql`${findings.id}`, visible),
});

export interface Visibility {
  /** Folders where the caller may read findings (and so findings assessments). */
  findings: SQL;
  links: Record<LinkTarget, SQL>;
}

/** The assessment is joined only when the caller may read it: its name is not revealed otherwise. */
const base = <E extends Record<string, SQL>>(db: DbOrTx, visible: Visibility, extra: E = {} as E) =>
  db
    .select({ ...selection(visible.links), ...extra })
    .from(findings)
    .innerJoin(folders, eq(folders.id, findings.folderId))
    .leftJoin(users, eq(users.id, findings.ownerId))
    .leftJoin(
      findingsAssessments,
      and(
        eq(findingsAssessments.id, findings.findingsAssessmentId),
        inArray(findingsAssessments.folderId, visible.findings),
      ),
    );

export const openCondition = () => notInArray(findings.status, [...doneStatuses]);
/** `today` is the clock's UTC date: the database's own date would ignore a test's ManualClock. */
export const overdueCondition = (today: string) =>
  and(isNotNull(findings.dueDate), lt(findings.dueDate, today), openCondition());

export interface FindingFilters {
  q?: string;
  severity?: FindingRow['severity'];
  status?: FindingRow['status'];
  open?: 'true' | 'false';
  overdue?: 'true' | 'false';
  folderId?: string;
  ownerId?: string;
  findingsAssessmentId?: string;
  assetId?: string;
  appliedControlId?: string;
  riskScenarioId?: string;
}

function filterConditions(organizationId: string, f: FindingFilters, today: string) {
  const like = f.q ? `%${escapeLike(f.q)}%` : null;
  const linked = (table: SQL, column: string, value: string) =>
    sql`${findings.id} in (select l.finding_id from ${table} l where l.${sql.raw(column)} = ${value})`;
  const open = openCondition();
  const overdue = overdueCondition(today);
  return [
    like
      ? or(
          ilike(findings.title, like),
          ilike(findings.refId, like),
          ilike(findings.externalRef, like),
          ilike(findings.description, like),
        )
      : undefined,
    f.severity ? eq(findings.severity, f.severity) : undefined,
    f.status ? eq(findings.status, f.status) : undefined,
    f.open === 'true' ? open : f.open === 'false' ? sql`not (${open})` : undefined,
    f.overdue === 'true' ? overdue : f.overdue === 'false' ? sql`not coalesce((${overdue}), false)` : undefined,
    f.folderId ? inArray(findings.folderId, subtreeOf(organizationId, f.folderId)) : undefined,
    f.ownerId ? eq(findings.ownerId, f.ownerId) : undefined,
    f.findingsAssessmentId ? eq(findings.findingsAssessmentId, f.findingsAssessmentId) : undefined,
    f.assetId ? linked(sql`${findingAssets}`, 'asset_id', f.assetId) : undefined,
    f.appliedControlId ? linked(sql`${findingControls}`, 'applied_control_id', f.appliedControlId) : undefined,
    f.riskScenarioId ? linked(sql`${findingScenarios}`, 'risk_scenario_id', f.riskScenarioId) : undefined,
  ];
}

export function listFindings(
  db: DbOrTx,
  params: FindingFilters & {
    organizationId: string;
    visible: Visibility;
    today: string;
    sort: FindingSort;
    descending: boolean;
    cursor: Cursor | null;
    limit: number;
  },
) {
  const key = sortKeys[params.sort];
  return base(db, params.visible, { sortCursor: sortCursorColumn(key) })
    .where(
      and(
        eq(findings.organizationId, params.organizationId),
        inArray(findings.folderId, params.visible.findings),
        ...filterConditions(params.organizationId, params, params.today),
        keysetWhere(key, findings.id, params.descending, params.cursor),
      ),
    )
    .orderBy(...keysetOrderBy(key, findings.id, params.descending))
    .limit(params.limit + 1);
}

export const findFinding = async (db: DbOrTx, organizationId: string, id: string, visible: Visibility) =>
  (await base(db, visible).where(and(eq(findings.id, id), eq(findings.organizationId, organizationId))))[0] ?? null;
export type FindingWithLinks = NonNullable<Awaited<ReturnType<typeof findFinding>>>;

export const countFindingsInFolder = async (db: DbOrTx, folderId: string) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(findings).where(eq(findings.folderId, folderId)))[0]?.n ??
      0,
  );
