import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import * as q from './assessment-queries.js';
import type {
  CreateAssessmentInput,
  FindingsAssessmentDto,
  ListAssessmentsQuery,
  UpdateAssessmentInput,
} from './contracts.js';
import { isOpen } from './rules.js';
import { checkOwner, readableAssessment, targetFolder, todayOf } from './service.js';
import { findingSeverities, findingStatuses, findingsAssessments } from './tables.js';

type Figures = Pick<FindingsAssessmentDto, 'findingCount' | 'bySeverity' | 'byStatus' | 'openCount' | 'overdueCount'>;

const emptyFigures = (): Figures => ({
  findingCount: 0,
  bySeverity: Object.fromEntries(findingSeverities.map((s) => [s, 0])) as Figures['bySeverity'],
  byStatus: Object.fromEntries(findingStatuses.map((s) => [s, 0])) as Figures['byStatus'],
  openCount: 0,
  overdueCount: 0,
});

const auditable = (row: q.AssessmentRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export function createAssessmentService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function figuresOf(tx: DbOrTx, access: Access, ids: string[]) {
    const map = new Map<string, Figures>(ids.map((id) => [id, emptyFigures()]));
    const rows = await q.findingFigures(tx, ids, access.visibleFolderIds('finding:read'), todayOf(clock));
    for (const r of rows) {
      const f = r.assessmentId ? map.get(r.assessmentId) : undefined;
      if (!f) continue;
      const n = Number(r.count);
      f.findingCount += n;
      f.bySeverity[r.severity] += n;
      f.byStatus[r.status] += n;
      if (isOpen(r.status)) f.openCount += n;
      f.overdueCount += Number(r.overdue);
    }
    return map;
  }

  const present = (found: q.AssessmentWithOwner, figures: Figures, access: Access): FindingsAssessmentDto => ({
    id: found.row.id,
    folderId: found.row.folderId,
    refId: found.row.refId,
    name: found.row.name,
    description: found.row.description,
    category: found.row.category,
    status: found.row.status,
    owner:
      found.row.ownerId && found.ownerName !== null && found.ownerEmail !== null
        ? { id: found.row.ownerId, displayName: found.ownerName, email: found.ownerEmail }
        : null,
    ...figures,
    createdAt: found.row.createdAt,
    updatedAt: found.row.updatedAt,
    version: found.row.version,
    abilities: {
      update: access.can('finding:update', found.folderPath),
      delete: access.can('finding:delete', found.folderPath),
    },
  });

  async function detail(tx: DbOrTx, access: Access, id: string) {
    const found = await readableAssessment(tx, access, id);
    const figures = (await figuresOf(tx, access, [id])).get(id) ?? emptyFigures();
    return present(found, figures, access);
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: Omit<ListAssessmentsQuery, 'cursor'> & { cursor: Cursor | null }) {
      const { key, descending } = parseSort<q.AssessmentSort>(params.sort);
      const rows = await q.listAssessments(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('finding:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const figures = await figuresOf(
        db,
        access,
        items.map((r) => r.row.id),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => present(r, figures.get(r.row.id) ?? emptyFigures(), access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateAssessmentInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        const [row] = await tx
          .insert(findingsAssessments)
          .values({ ...input, organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'findings_assessment.created',
          objectType: 'findings_assessment',
          objectId: row.id,
          changes: createdFields(auditable(row)),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateAssessmentInput) {
      return db.transaction(async (tx) => {
        const before = await readableAssessment(tx, access, id);
        access.require('finding:update', before.folderPath, 'finding:read', 'Findings assessment');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        await updateAudited(tx, audit, {
          table: findingsAssessments,
          id,
          version,
          set: input,
          before: before.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: moving ? 'findings_assessment.moved' : 'findings_assessment.updated',
            objectType: 'findings_assessment',
          }),
        });
        return detail(tx, access, id);
      });
    },

    /** Its findings stay, without an assessment (the foreign key sets null): they are still to be fixed. */
    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await readableAssessment(tx, access, id);
        access.require('finding:delete', found.folderPath, 'finding:read', 'Findings assessment');
        await deleteAudited(tx, audit, {
          table: findingsAssessments,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'findings_assessment.deleted',
            objectType: 'findings_assessment',
          },
          changes: { name: { before: found.row.name }, refId: { before: found.row.refId } },
        });
      });
    },
  };
}
