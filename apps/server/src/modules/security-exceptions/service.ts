import { and, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, conflict, invalid, notFound, versionConflict } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { memberCan, personsByIds } from '../access/index.js';
import { type AuditContext, createdFields, diffFields, recordAudit } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import type {
  CreateExceptionInput,
  ListExceptionsQuery,
  SecurityExceptionDto,
  UpdateExceptionInput,
} from './contracts.js';
import { controlsOf, requirementAssessmentsOf } from './link-lookups.js';
import { checkLinkable } from './linkable.js';
import { toExceptionSummary } from './presenter.js';
import * as q from './queries.js';
import { deleteProblem, isEditable } from './rules.js';
import { securityExceptions } from './tables.js';

export const linkVisibility = (access: Access): q.LinkVisibility => ({
  assessments: access.visibleFolderIds('compliance_assessment:read'),
  controls: access.visibleFolderIds('applied_control:read'),
});

/** Loads an exception the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableException(db: DbOrTx, access: Access, id: string) {
  const found = await q.findException(db, access.organizationId, id, linkVisibility(access));
  if (!found || !access.can('security_exception:read', found.folderPath)) throw notFound('Security exception');
  return found;
}

/**
 * The owner must be a member who may read security exceptions in the folder, the approver one who holds
 * security_exception:approve there (400 naming the field).
 */
export async function checkPerson(
  db: DbOrTx,
  organizationId: string,
  field: 'ownerId' | 'approverId',
  userId: string | null,
  path: string,
) {
  if (!userId) return;
  // The approver decides, so must hold approval authority (separation of duties: someone who may merely edit the
  // exception cannot name themselves and approve it); the owner must be able to read it.
  const needed = field === 'approverId' ? 'security_exception:approve' : 'security_exception:read';
  if (!(await memberCan(db, organizationId, userId, needed, path))) {
    throw invalid(
      `body.${field}`,
      field === 'approverId'
        ? 'Not a member who may approve security exceptions in this folder'
        : 'Not a member who may read security exceptions in this folder',
    );
  }
}

const auditable = (row: q.ExceptionRow) => {
  const { id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

type ListParams = Omit<ListExceptionsQuery, 'cursor'> & { cursor: Cursor | null };

export function createExceptionService(deps: { db: Database }) {
  const { db } = deps;

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<SecurityExceptionDto> {
    const found = await loadReadableException(tx, access, id);
    const people = await personsByIds(tx, [found.row.ownerId, found.row.approverId, found.row.decidedById]);
    const links = linkVisibility(access);
    const requirements = await requirementAssessmentsOf(tx, id, links.assessments);
    return {
      ...toExceptionSummary(found, people, access),
      requirementAssessments: requirements.map((r) => ({
        id: r.id,
        assessment: { id: r.assessmentId, name: r.assessmentName },
        requirement: { id: r.requirementId, urn: r.urn, refId: r.refId, name: r.name },
        status: r.status,
        result: r.result,
      })),
      appliedControls: await controlsOf(tx, id, links.controls),
    };
  }

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = await folderById(tx, access.organizationId, folderId);
    if (!folder || !access.can('folder:read', folder.path)) throw notFound('Folder');
    access.require('security_exception:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.ExceptionSort>(params.sort);
      const { awaitingMe, approverId, ownerId, state, ...filters } = params;
      const me = (id: string | undefined) => (id === 'me' ? access.userId : id);
      const rows = await q.listExceptions(db, {
        ...filters,
        state: awaitingMe ? 'in_review' : state,
        approverId: awaitingMe ? access.userId : me(approverId),
        ownerId: me(ownerId),
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('security_exception:read'),
        links: linkVisibility(access),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const people = await personsByIds(
        db,
        items.flatMap((r) => [r.row.ownerId, r.row.approverId, r.row.decidedById]),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toExceptionSummary(r, people, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateExceptionInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        await checkPerson(tx, access.organizationId, 'ownerId', input.ownerId ?? null, folder.path);
        await checkPerson(tx, access.organizationId, 'approverId', input.approverId ?? null, folder.path);
        const requirementIds = await checkLinkable(
          tx,
          access,
          'requirementAssessments',
          input.requirementAssessmentIds,
        );
        const controlIds = await checkLinkable(tx, access, 'appliedControls', input.appliedControlIds);
        const { requirementAssessmentIds: _r, appliedControlIds: _c, ...fields } = input;
        const [row] = await tx
          .insert(securityExceptions)
          .values({
            ...fields,
            organizationId: access.organizationId,
            folderId: folder.id,
            state: 'draft',
            createdById: access.userId,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await q.linkTables.requirementAssessments.add(tx, row.id, requirementIds);
        await q.linkTables.appliedControls.add(tx, row.id, controlIds);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'security_exception.created',
          objectType: 'security_exception',
          objectId: row.id,
          changes: createdFields({
            ...auditable(row),
            requirementAssessmentIds: requirementIds,
            appliedControlIds: controlIds,
          }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateExceptionInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableException(tx, access, id);
        access.require('security_exception:update', before.folderPath, 'security_exception:read', 'Security exception');
        if (!isEditable(before.row.state)) {
          throw conflict(`A security exception in state ${before.row.state} cannot be edited (only draft or expired)`);
        }
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        const path =
          moving && input.folderId ? (await targetFolder(tx, access, input.folderId)).path : before.folderPath;
        for (const field of ['ownerId', 'approverId'] as const) {
          const value = input[field] === undefined ? before.row[field] : input[field];
          if (input[field] !== undefined || moving) await checkPerson(tx, access.organizationId, field, value, path);
        }
        const [after] = await tx
          .update(securityExceptions)
          .set({ ...input, version: sql`${securityExceptions.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(securityExceptions.id, id), eq(securityExceptions.version, version)))
          .returning();
        if (!after) throw versionConflict();
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: after.folderId,
          action: moving ? 'security_exception.moved' : 'security_exception.updated',
          objectType: 'security_exception',
          objectId: id,
          changes: diffFields(auditable(before.row), auditable(after)),
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableException(tx, access, id);
        const problem = deleteProblem(found.row.state, {
          delete: access.can('security_exception:delete', found.folderPath),
          approve: access.can('security_exception:approve', found.folderPath),
        });
        if (problem === 'state') {
          throw conflict(
            found.row.state === 'in_review'
              ? 'A security exception in review cannot be deleted; withdraw it to draft or decide it first'
              : 'An approved security exception cannot be deleted; resolve it first',
          );
        }
        if (problem === 'permission') {
          throw new AppError(
            'forbidden',
            found.row.state === 'draft'
              ? 'You may not delete this security exception'
              : 'Deleting a closed security exception needs security_exception:approve',
          );
        }
        const deleted = await tx
          .delete(securityExceptions)
          .where(and(eq(securityExceptions.id, id), eq(securityExceptions.version, version)))
          .returning({ id: securityExceptions.id });
        if (deleted.length === 0) throw versionConflict();
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: found.row.folderId,
          action: 'security_exception.deleted',
          objectType: 'security_exception',
          objectId: id,
          changes: { name: { before: found.row.name }, state: { before: found.row.state } },
        });
      });
    },
  };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
