import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import { acceptedCoverCount, utcDate } from './acceptance-lookups.js';
import { changedFields } from './assessment-edits.js';
import { usableMatrix } from './catalog-lookups.js';
import type { CreateAssessmentInput, RiskAssessmentDto, UpdateAssessmentInput } from './contracts.js';
import { toAssessmentSummary } from './presenter.js';
import * as q from './queries.js';
import { checkTolerance } from './rating.js';
import { isLocked, requireFieldsUnlocked, requireStatusChange, riskConflict } from './status.js';
import { riskAssessments, riskScenarios } from './tables.js';

type ListParams = Omit<
  Parameters<typeof q.listAssessments>[1],
  'organizationId' | 'visible' | 'sort' | 'descending'
> & {
  sort: string;
};

export async function checkMembers(db: DbOrTx, organizationId: string, ids: string[] | undefined, field: string) {
  if (!ids) return undefined;
  const unique = [...new Set(ids)];
  const members = await peopleAmong(db, organizationId, unique);
  const strangers = unique.filter((id) => !members.has(id));
  if (strangers.length > 0) throw invalid(field, `Not members of the organisation: ${strangers.join(', ')}`);
  return unique;
}

/** An assessment the caller may read, or 404 (another organisation's, or outside the caller's folders). */
export async function loadReadableAssessment(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findAssessment(db, access.organizationId, id),
    access,
    'risk_assessment:read',
    'Risk assessment',
  );
}

/**
 * A matrix the caller chooses for an assessment: built-in, or the organisation's in a folder where they may read
 * matrices (404 otherwise, as GET /risk-matrices/{id} answers: the assessment would show its definition).
 */
export async function matrixOrNotFound(db: DbOrTx, access: Access, id: string) {
  const matrix = await usableMatrix(db, access.organizationId, id);
  const readable =
    matrix !== null &&
    (matrix.organizationId === null ||
      (matrix.folderPath !== null && access.can('risk_matrix:read', matrix.folderPath)));
  if (!matrix || !readable) throw notFound('Risk matrix');
  return matrix;
}

export const auditableAssessment = (row: q.AssessmentRow) => {
  const { id: _id, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...fields } = row;
  return fields;
};

export function createRiskAssessmentService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function detail(tx: DbOrTx, access: Access, id: string): Promise<RiskAssessmentDto> {
    const found = await loadReadableAssessment(tx, access, id);
    const matrix = await usableMatrix(tx, access.organizationId, found.row.riskMatrixId);
    if (!matrix) throw notFound('Risk matrix');
    const people = await q.peopleOf(tx, id);
    // risk_assessment:read opens the assessment, not its scenarios: counts only for risk_scenario:read, as the heat
    // map does. Scenarios live in their assessment's folder, so the caller reads all of them or none.
    const counts = access.can('risk_scenario:read', found.folderPath)
      ? await q.assessmentFigures(tx, id, utcDate(clock.now()))
      : q.noFigures();
    const person = ({ id, displayName, email }: { id: string; displayName: string; email: string }) => ({
      id,
      displayName,
      email,
    });
    return {
      ...toAssessmentSummary(found, counts.scenarios, access),
      riskMatrix: {
        id: matrix.id,
        name: matrix.name,
        revision: matrix.revision,
        urn: matrix.urn,
        refId: matrix.refId,
        definition: matrix.definition,
      },
      authors: people.filter((p) => p.role === 'author').map(person),
      reviewers: people.filter((p) => p.role === 'reviewer').map(person),
      counts,
    };
  }

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = readableOr404(
      await folderById(tx, access.organizationId, folderId),
      access,
      'folder:read',
      'Folder',
      (found) => found.path,
    );
    access.require('risk_assessment:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.AssessmentSort>(params.sort);
      const rows = await q.listAssessments(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('risk_assessment:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      // Counted only where the caller may read scenarios (the assessment's folder, as in detail): 0 elsewhere.
      const counts = await q.scenarioCounts(
        db,
        items.filter((r) => access.can('risk_scenario:read', r.folderPath)).map((r) => r.row.id),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toAssessmentSummary(r, counts.get(r.row.id) ?? 0, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateAssessmentInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        const matrix = await matrixOrNotFound(tx, access, input.riskMatrixId);
        checkTolerance(matrix.definition, input.riskToleranceLevel, 'body.riskToleranceLevel');
        const authorIds = await checkMembers(tx, access.organizationId, input.authorIds, 'body.authorIds');
        const reviewerIds = await checkMembers(tx, access.organizationId, input.reviewerIds, 'body.reviewerIds');
        if (input.status === 'done')
          requireStatusChange(access, { status: 'planned', folderPath: folder.path }, 'done');
        const { authorIds: _a, reviewerIds: _r, ...fields } = input;
        const [row] = await tx
          .insert(riskAssessments)
          .values({ ...fields, organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        if (authorIds) await q.replacePeople(tx, row.id, 'author', authorIds);
        if (reviewerIds) await q.replacePeople(tx, row.id, 'reviewer', reviewerIds);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'risk_assessment.created',
          objectType: 'risk_assessment',
          objectId: row.id,
          changes: createdFields({ ...auditableAssessment(row), authorIds, reviewerIds }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateAssessmentInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableAssessment(tx, access, id);
        const { row } = before;
        // As on compliance assessments: a status move alone needs only what the move needs (approve to close or
        // reopen, review to send back); anything else sent, or nothing to do, needs update.
        const statusMove = input.status !== undefined && input.status !== row.status;
        const sendsFields = Object.entries(input).some(([key, value]) => key !== 'status' && value !== undefined);
        if (sendsFields || !statusMove)
          access.require('risk_assessment:update', before.folderPath, 'risk_assessment:read', 'Risk assessment');
        if (input.status !== undefined)
          requireStatusChange(access, { status: row.status, folderPath: before.folderPath }, input.status);
        const people = await q.peopleOf(tx, id);
        requireFieldsUnlocked(row, changedFields(row, input, people));
        const moving = input.folderId !== undefined && input.folderId !== row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        const matrixChange = input.riskMatrixId !== undefined && input.riskMatrixId !== row.riskMatrixId;
        // Only a newly chosen matrix must be readable: the kept one was chosen by whoever set it.
        const matrix = matrixChange
          ? await matrixOrNotFound(tx, access, input.riskMatrixId ?? row.riskMatrixId)
          : await usableMatrix(tx, access.organizationId, row.riskMatrixId);
        if (!matrix) throw notFound('Risk matrix');
        if (matrixChange) {
          if (await q.hasRatedScenario(tx, id)) {
            throw riskConflict(
              'matrix_change_needs_rerating',
              'Scenarios of this assessment are rated on its matrix: move it with a re-rating ' +
                '(POST /risk-assessments/{id}/re-rate), which maps every rating onto the new matrix',
            );
          }
        }
        const tolerance = input.riskToleranceLevel === undefined ? row.riskToleranceLevel : input.riskToleranceLevel;
        checkTolerance(matrix.definition, tolerance, 'body.riskToleranceLevel');
        const authorIds = await checkMembers(tx, access.organizationId, input.authorIds, 'body.authorIds');
        const reviewerIds = await checkMembers(tx, access.organizationId, input.reviewerIds, 'body.reviewerIds');
        const { authorIds: _a, reviewerIds: _r, ...fields } = input;
        // Scenarios and people first: a stale version throws below and the whole transaction rolls back.
        // Scenarios repeat their assessment's folder for scoping in SQL: they move with it, in this transaction.
        if (moving && input.folderId)
          await tx
            .update(riskScenarios)
            .set({ folderId: input.folderId })
            .where(eq(riskScenarios.riskAssessmentId, id));
        const peopleChanges: Record<string, unknown> = {};
        for (const [role, ids, key] of [
          ['author', authorIds, 'authorIds'],
          ['reviewer', reviewerIds, 'reviewerIds'],
        ] as const) {
          if (!ids) continue;
          const previous = people
            .filter((p) => p.role === role)
            .map((p) => p.id)
            .sort();
          await q.replacePeople(tx, id, role, ids);
          const next = [...ids].sort();
          if (JSON.stringify(previous) !== JSON.stringify(next)) peopleChanges[key] = { before: previous, after: next };
        }
        await updateAudited(tx, audit, {
          table: riskAssessments,
          id,
          version,
          set: fields,
          before: row,
          auditable: auditableAssessment,
          event: (after) => {
            const statusChanged = after.status !== row.status;
            const action = moving
              ? 'risk_assessment.moved'
              : statusChanged && isLocked(after.status) && !isLocked(row.status)
                ? 'risk_assessment.locked'
                : statusChanged && isLocked(row.status) && !isLocked(after.status)
                  ? 'risk_assessment.reopened'
                  : 'risk_assessment.updated';
            return {
              organizationId: access.organizationId,
              folderId: after.folderId,
              action,
              objectType: 'risk_assessment',
            };
          },
          moreChanges: peopleChanges,
        });
        return detail(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadReadableAssessment(tx, access, id);
        access.require('risk_assessment:delete', found.folderPath, 'risk_assessment:read', 'Risk assessment');
        const accepted = await acceptedCoverCount(tx, { riskAssessmentId: id });
        if (accepted > 0) {
          throw conflict(
            `${accepted} accepted risk acceptance${accepted === 1 ? ' covers' : 's cover'} scenarios of this ` +
              'assessment; revoke or withdraw them first so the accepted record does not vanish silently',
          );
        }
        const scenarios = await q.scenarioCounts(tx, [id]);
        await deleteAudited(tx, audit, {
          table: riskAssessments,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'risk_assessment.deleted',
            objectType: 'risk_assessment',
          },
          changes: {
            name: { before: found.row.name },
            refId: { before: found.row.refId },
            scenarioCount: { before: scenarios.get(id) ?? 0 },
          },
        });
      });
    },
  };
}

export type RiskAssessmentService = ReturnType<typeof createRiskAssessmentService>;
