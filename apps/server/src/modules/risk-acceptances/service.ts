import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, conflict, invalid, notFound, versionConflict } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { memberCan, personsByIds } from '../access/index.js';
import { type AuditContext, createdFields, diffFields, recordAudit } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import type {
  CreateAcceptanceInput,
  ListAcceptancesQuery,
  RiskAcceptanceDto,
  UpdateAcceptanceInput,
} from './contracts.js';
import { toAcceptanceSummary } from './presenter.js';
import * as q from './queries.js';
import { deleteProblem, isEditable } from './rules.js';
import { scenariosForLinking, scenariosOfAcceptance } from './scenario-lookups.js';
import { riskAcceptances } from './tables.js';
import { todayOf } from './transition-error.js';

const scenarioVisibility = (access: Access) => access.visibleFolderIds('risk_scenario:read');

/** Loads an acceptance the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableAcceptance(db: DbOrTx, access: Access, id: string) {
  const found = await q.findAcceptance(db, access.organizationId, id, scenarioVisibility(access));
  if (!found || !access.can('risk_acceptance:read', found.folderPath)) throw notFound('Risk acceptance');
  return found;
}

/**
 * The approver must hold approval authority (risk_acceptance:approve) where the acceptance lives (400 naming
 * approverId). Separation of duties: without it, anyone who may edit an acceptance could name themselves and
 * accept their own risk.
 */
export async function checkApprover(db: DbOrTx, organizationId: string, approverId: string | null, path: string) {
  if (!approverId) return;
  if (!(await memberCan(db, organizationId, approverId, 'risk_acceptance:approve', path))) {
    throw invalid('body.approverId', 'Not a member who may approve risk acceptances in this folder');
  }
}

/** Scenarios the caller may read, or 404 naming none of the others (their existence is not revealed). */
export async function checkScenarios(db: DbOrTx, access: Access, ids: string[]) {
  const unique = [...new Set(ids)];
  const readable = new Set(
    (await scenariosForLinking(db, access.organizationId, unique))
      .filter((s) => access.can('risk_scenario:read', s.folderPath))
      .map((s) => s.id),
  );
  if (unique.some((id) => !readable.has(id))) throw notFound('Risk scenario');
  return unique;
}

const auditable = (row: q.AcceptanceRow) => {
  const { id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

type ListParams = Omit<ListAcceptancesQuery, 'cursor' | 'awaitingMe'> & { awaitingMe?: boolean; cursor: Cursor | null };

export function createAcceptanceService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => todayOf(clock.now());

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<RiskAcceptanceDto> {
    const found = await loadReadableAcceptance(tx, access, id);
    const people = await personsByIds(tx, [found.row.approverId, found.row.decidedById]);
    const scenarios = await scenariosOfAcceptance(tx, id, scenarioVisibility(access));
    return {
      ...toAcceptanceSummary(found, people, access, today()),
      scenarios: scenarios.map((s) => ({
        id: s.id,
        refId: s.refId,
        name: s.name,
        folderId: s.folderId,
        riskAssessment: { id: s.riskAssessmentId, name: s.riskAssessmentName },
        currentLevel: s.currentLevel,
        treatment: s.treatment,
      })),
    };
  }

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = await folderById(tx, access.organizationId, folderId);
    if (!folder || !access.can('folder:read', folder.path)) throw notFound('Folder');
    access.require('risk_acceptance:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.AcceptanceSort>(params.sort);
      const { awaitingMe, approverId, state, ...filters } = params;
      const rows = await q.listAcceptances(db, {
        ...filters,
        state: awaitingMe ? 'submitted' : state,
        approverId: awaitingMe || approverId === 'me' ? access.userId : approverId,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('risk_acceptance:read'),
        scenariosVisible: scenarioVisibility(access),
        today: today(),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const people = await personsByIds(
        db,
        items.flatMap((r) => [r.row.approverId, r.row.decidedById]),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toAcceptanceSummary(r, people, access, today())),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateAcceptanceInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        await checkApprover(tx, access.organizationId, input.approverId ?? null, folder.path);
        const scenarioIds = await checkScenarios(tx, access, input.riskScenarioIds ?? []);
        const { riskScenarioIds: _s, ...fields } = input;
        const [row] = await tx
          .insert(riskAcceptances)
          .values({
            ...fields,
            organizationId: access.organizationId,
            folderId: folder.id,
            state: 'created',
            createdById: access.userId,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await q.addScenarioLinks(tx, row.id, scenarioIds);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'risk_acceptance.created',
          objectType: 'risk_acceptance',
          objectId: row.id,
          changes: createdFields({ ...auditable(row), riskScenarioIds: scenarioIds }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateAcceptanceInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableAcceptance(tx, access, id);
        access.require('risk_acceptance:update', before.folderPath, 'risk_acceptance:read', 'Risk acceptance');
        if (!isEditable(before.row.state)) {
          throw conflict(`A ${before.row.state} risk acceptance cannot be edited; only a created one can`);
        }
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        const path =
          moving && input.folderId ? (await targetFolder(tx, access, input.folderId)).path : before.folderPath;
        const approverId = input.approverId === undefined ? before.row.approverId : input.approverId;
        // A move re-checks the kept approver too: they must hold risk_acceptance:approve in the new folder.
        if (input.approverId !== undefined || moving) await checkApprover(tx, access.organizationId, approverId, path);
        const [after] = await tx
          .update(riskAcceptances)
          .set({ ...input, version: sql`${riskAcceptances.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(riskAcceptances.id, id), eq(riskAcceptances.version, version)))
          .returning();
        if (!after) throw versionConflict();
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: after.folderId,
          action: moving ? 'risk_acceptance.moved' : 'risk_acceptance.updated',
          objectType: 'risk_acceptance',
          objectId: id,
          changes: diffFields(auditable(before.row), auditable(after)),
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableAcceptance(tx, access, id);
        const problem = deleteProblem(found.row.state, {
          delete: access.can('risk_acceptance:delete', found.folderPath),
          approve: access.can('risk_acceptance:approve', found.folderPath),
        });
        if (problem === 'state') {
          throw conflict(
            found.row.state === 'submitted'
              ? 'A submitted risk acceptance cannot be deleted; withdraw it first'
              : 'An accepted risk acceptance cannot be deleted; revoke it first',
          );
        }
        if (problem === 'permission') {
          throw new AppError(
            'forbidden',
            found.row.state === 'created'
              ? 'You may not delete this risk acceptance'
              : 'Deleting a decided risk acceptance needs risk_acceptance:approve',
          );
        }
        const deleted = await tx
          .delete(riskAcceptances)
          .where(and(eq(riskAcceptances.id, id), eq(riskAcceptances.version, version)))
          .returning({ id: riskAcceptances.id });
        if (deleted.length === 0) throw versionConflict();
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: found.row.folderId,
          action: 'risk_acceptance.deleted',
          objectType: 'risk_acceptance',
          objectId: id,
          changes: { name: { before: found.row.name }, state: { before: found.row.state } },
        });
      });
    },
  };
}

export type AcceptanceService = ReturnType<typeof createAcceptanceService>;
