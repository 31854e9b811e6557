import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import { findAssessment } from './assessment-queries.js';
import type { CreateFindingInput, FindingDto, ListFindingsQuery, UpdateFindingInput } from './contracts.js';
import { assetsByIds, controlsByIds, scenariosByIds } from './link-lookups.js';
import { toFindingSummary, visibilityOf } from './presenter.js';
import * as q from './queries.js';
import { closedAtAfter, dateOf, dueDateAfterEdit, slaDueDate } from './rules.js';
import { loadSla } from './sla-queries.js';
import { findingAssets, findingControls, findingScenarios, findings } from './tables.js';

/** Loads a finding the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableFinding(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findFinding(db, access.organizationId, id, visibilityOf(access)),
    access,
    'finding:read',
    'Finding',
  );
}

/** A findings assessment the caller may read, or 404 naming the field (it is a reference in a body). */
export async function readableAssessment(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await findAssessment(db, access.organizationId, id),
    access,
    'finding:read',
    'Findings assessment',
  );
}

/** A folder the caller may create findings (and findings assessments) in: 404 unseen, 403 seen but refused. */
export async function targetFolder(db: DbOrTx, access: Access, folderId: string) {
  const folder = readableOr404(
    await folderById(db, access.organizationId, folderId),
    access,
    'folder:read',
    'Folder',
    (found) => found.path,
  );
  access.require('finding:create', folder.path, 'folder:read', 'Folder');
  return folder;
}

export async function checkOwner(db: DbOrTx, organizationId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await peopleAmong(db, organizationId, [ownerId])).has(ownerId)) {
    throw invalid('body.ownerId', 'Not a member of the organisation');
  }
}

const auditable = (row: q.FindingRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export const todayOf = (clock: Clock) => dateOf(clock.now());

export function createFindingService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<FindingDto> {
    const found = await loadReadableFinding(tx, access, id);
    const { links } = visibilityOf(access);
    const linked = (table: SQL, column: string) =>
      sql`(select l.${sql.raw(column)} from ${table} l where l.finding_id = ${id})`;
    const [assets, appliedControls, riskScenarios] = [
      await assetsByIds(tx, linked(sql`${findingAssets}`, 'asset_id'), links.assets),
      await controlsByIds(tx, linked(sql`${findingControls}`, 'applied_control_id'), links.appliedControls),
      await scenariosByIds(tx, linked(sql`${findingScenarios}`, 'risk_scenario_id'), links.riskScenarios),
    ];
    return { ...toFindingSummary(found, access, todayOf(clock)), assets, appliedControls, riskScenarios };
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: Omit<ListFindingsQuery, 'cursor'> & { cursor: Cursor | null }) {
      const { key, descending } = parseSort<q.FindingSort>(params.sort);
      const today = todayOf(clock);
      const rows = await q.listFindings(db, {
        ...params,
        organizationId: access.organizationId,
        visible: visibilityOf(access),
        today,
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toFindingSummary(r, access, today)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateFindingInput) {
      return db.transaction(async (tx) => {
        const assessment = input.findingsAssessmentId
          ? await readableAssessment(tx, access, input.findingsAssessmentId)
          : null;
        const folderId = input.folderId ?? assessment?.row.folderId;
        if (!folderId) throw invalid('body.folderId', 'Required unless the finding belongs to a findings assessment');
        const folder = await targetFolder(tx, access, folderId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        const now = clock.now();
        const identifiedAt = input.identifiedAt ?? now;
        const status = input.status ?? 'identified';
        const dueDate =
          input.dueDate !== undefined
            ? input.dueDate
            : slaDueDate(identifiedAt, input.severity, (await loadSla(tx, access.organizationId)).days);
        const [row] = await tx
          .insert(findings)
          .values({
            ...input,
            organizationId: access.organizationId,
            folderId: folder.id,
            status,
            identifiedAt,
            dueDate,
            closedAt: closedAtAfter({ status: 'identified', closedAt: null }, status, now),
            source: 'manual',
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'finding.created',
          objectType: 'finding',
          objectId: row.id,
          changes: createdFields(auditable(row)),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateFindingInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableFinding(tx, access, id);
        access.require('finding:update', before.folderPath, 'finding:read', 'Finding');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        if (input.findingsAssessmentId) await readableAssessment(tx, access, input.findingsAssessmentId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        const now = clock.now();
        const severity = input.severity ?? before.row.severity;
        const identifiedAt = input.identifiedAt ?? before.row.identifiedAt;
        const sla = (await loadSla(tx, access.organizationId)).days;
        const dueDate = dueDateAfterEdit(before.row, { severity, identifiedAt, dueDate: input.dueDate }, sla);
        const status = input.status ?? before.row.status;
        const closedAt = status === before.row.status ? before.row.closedAt : closedAtAfter(before.row, status, now);
        await updateAudited(tx, audit, {
          table: findings,
          id,
          version,
          set: { ...input, dueDate, closedAt },
          before: before.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: moving ? 'finding.moved' : 'finding.updated',
            objectType: 'finding',
          }),
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableFinding(tx, access, id);
        access.require('finding:delete', found.folderPath, 'finding:read', 'Finding');
        await deleteAudited(tx, audit, {
          table: findings,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'finding.deleted',
            objectType: 'finding',
          },
          changes: { title: { before: found.row.title }, severity: { before: found.row.severity } },
        });
      });
    },
  };
}

export type FindingService = ReturnType<typeof createFindingService>;
