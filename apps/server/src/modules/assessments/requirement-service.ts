import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, invalid, versionConflict } from '../../platform/errors.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { type AuditContext, diffFields, recordAudit, updateAudited } from '../audit/index.js';
import { lockStateForWrite } from './queries.js';
import type { RequirementAssessmentDto, RequirementChanges } from './requirement-contracts.js';
import * as rq from './requirement-queries.js';
import { loadReadableAssessment } from './service.js';
import { requireUnlocked } from './status.js';
import { requirementAssessments } from './tables.js';

const read = 'compliance_assessment:read' as const;

/** Fields a reviewer may change (their verdict and notes); the rest needs compliance_assessment:update. */
const reviewFields = new Set<keyof RequirementChanges>(['status', 'observation']);

async function loadReadable(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await rq.findRequirementAssessment(db, access.organizationId, id),
    access,
    read,
    'Requirement assessment',
  );
}

function requireMayChange(access: Access, row: rq.RequirementAssessmentRow, changes: RequirementChanges) {
  const named = (Object.keys(changes) as (keyof RequirementChanges)[]).filter((k) => changes[k] !== undefined);
  const onlyReview = named.every((k) => reviewFields.has(k));
  if (onlyReview && access.can('compliance_assessment:review', row.folderPath)) return;
  access.require('compliance_assessment:update', row.folderPath, read, 'Requirement assessment');
}

/** A score must sit on the framework's scale; a framework without one takes no scores. */
export function validateScore(
  score: number | null | undefined,
  scale: { minScore: number | null; maxScore: number | null },
  field: string,
) {
  if (score === undefined || score === null) return;
  if (scale.minScore === null || scale.maxScore === null) {
    throw invalid(field, 'This framework has no scoring scale; leave the score empty');
  }
  if (score < scale.minScore || score > scale.maxScore) {
    throw invalid(field, `The score must be between ${scale.minScore} and ${scale.maxScore}`);
  }
}

/** Column values for a change; setting a result by hand (or confirming) ends the inference. */
export function columnsFor(changes: RequirementChanges) {
  const set: Partial<typeof requirementAssessments.$inferInsert> = {};
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.result !== undefined) set.result = changes.result;
  if (changes.score !== undefined) set.score = changes.score;
  if (changes.isScored !== undefined) set.isScored = changes.isScored;
  if (changes.observation !== undefined) set.observation = changes.observation === '' ? null : changes.observation;
  if (changes.result !== undefined || changes.inferred === false) set.inferred = false;
  return set;
}

export function createRequirementAssessmentService(deps: { db: Database }) {
  const { db } = deps;

  async function toDto(
    tx: DbOrTx,
    row: rq.RequirementAssessmentRow,
    access: Access,
  ): Promise<RequirementAssessmentDto> {
    const evidence = await rq.linkedEvidence(tx, row.ra.id, access.visibleFolderIds('evidence:read'));
    const controls = await rq.linkedControls(tx, row.ra.id, access.visibleFolderIds('applied_control:read'));
    const update = access.can('compliance_assessment:update', row.folderPath) && row.lockedAt === null;
    return {
      id: row.ra.id,
      assessmentId: row.ra.assessmentId,
      requirement: row.node,
      status: row.ra.status,
      result: row.ra.result,
      score: row.ra.score,
      isScored: row.ra.isScored,
      observation: row.ra.observation,
      inferred: row.ra.inferred,
      inference: row.ra.inference ?? null,
      evidence,
      appliedControls: controls,
      updatedAt: row.ra.updatedAt,
      version: row.ra.version,
      abilities: {
        update,
        review: access.can('compliance_assessment:review', row.folderPath) && row.lockedAt === null,
        link: update,
      },
    };
  }

  return {
    async get(access: Access, id: string) {
      return toDto(db, await loadReadable(db, access, id), access);
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, changes: RequirementChanges) {
      return db.transaction(async (tx) => {
        const row = await loadReadable(tx, access, id);
        requireMayChange(access, row, changes);
        requireUnlocked(await lockStateForWrite(tx, row.ra.assessmentId));
        validateScore(changes.score, row, 'body.score');
        const set = columnsFor(changes);
        const after = await updateAudited(tx, audit, {
          table: requirementAssessments,
          id,
          version,
          set,
          event: {
            organizationId: access.organizationId,
            folderId: row.folderId,
            action:
              changes.inferred === false && changes.result === undefined
                ? 'requirement_assessment.confirmed'
                : 'requirement_assessment.updated',
            objectType: 'requirement_assessment',
          },
          // The event names its assessment first, then the columns written that changed.
          changes: () => ({ assessmentId: { after: row.ra.assessmentId }, ...diffFields(row.ra, set) }),
        });
        return toDto(tx, { ...row, ra: after }, access);
      });
    },

    async setLinks(
      access: Access,
      audit: AuditContext,
      id: string,
      version: number,
      links: { evidenceIds?: string[]; appliedControlIds?: string[] },
    ) {
      return db.transaction(async (tx) => {
        const row = await loadReadable(tx, access, id);
        access.require('compliance_assessment:update', row.folderPath, read, 'Requirement assessment');
        requireUnlocked(await lockStateForWrite(tx, row.ra.assessmentId));
        const evidenceIds = links.evidenceIds ? [...new Set(links.evidenceIds)] : undefined;
        const controlIds = links.appliedControlIds ? [...new Set(links.appliedControlIds)] : undefined;
        if (evidenceIds) {
          const ok = await rq.readableEvidenceIds(
            tx,
            access.organizationId,
            access.visibleFolderIds('evidence:read'),
            evidenceIds,
          );
          const unknown = evidenceIds.filter((e) => !ok.has(e));
          if (unknown.length > 0) throw invalid('body.evidenceIds', `Unknown evidence: ${unknown.join(', ')}`);
        }
        if (controlIds) {
          const ok = await rq.readableControlIds(
            tx,
            access.organizationId,
            access.visibleFolderIds('applied_control:read'),
            controlIds,
          );
          const unknown = controlIds.filter((c) => !ok.has(c));
          if (unknown.length > 0)
            throw invalid('body.appliedControlIds', `Unknown applied controls: ${unknown.join(', ')}`);
        }
        // Links first, the version after: a stale version throws there and the replaced links roll back with it.
        // Only the links the caller can see are replaced (like an applied control's links): a PUT from someone
        // who cannot read folder B must not drop B's evidence they never saw.
        const evidenceChange = evidenceIds
          ? await rq.replaceEvidenceLinks(tx, id, access.visibleFolderIds('evidence:read'), evidenceIds)
          : undefined;
        const controlChange = controlIds
          ? await rq.replaceControlLinks(tx, id, access.visibleFolderIds('applied_control:read'), controlIds)
          : undefined;
        const after = await updateAudited(tx, audit, {
          table: requirementAssessments,
          id,
          version,
          set: {},
          event: {
            organizationId: access.organizationId,
            folderId: row.folderId,
            action: 'requirement_assessment.links_updated',
            objectType: 'requirement_assessment',
          },
          changes: () => ({
            assessmentId: { after: row.ra.assessmentId },
            ...(evidenceChange ? { evidenceIds: evidenceChange } : {}),
            ...(controlChange ? { appliedControlIds: controlChange } : {}),
          }),
        });

        return toDto(tx, { ...row, ra: after }, access);
      });
    },

    /**
     * Applies one change to many requirement assessments of an assessment in one transaction and one UPDATE:
     * every item must belong to the assessment (400 otherwise) and carry its current version (409 naming the
     * stale ones otherwise); nothing changes unless everything can.
     */
    async bulk(
      access: Access,
      audit: AuditContext,
      assessmentId: string,
      items: { id: string; version: number }[],
      changes: RequirementChanges,
    ) {
      return db.transaction(async (tx) => {
        const assessment = await loadReadableAssessment(tx, access, assessmentId);
        const named = (Object.keys(changes) as (keyof RequirementChanges)[]).filter((k) => changes[k] !== undefined);
        if (
          !(
            named.every((k) => reviewFields.has(k)) && access.can('compliance_assessment:review', assessment.folderPath)
          )
        ) {
          access.require('compliance_assessment:update', assessment.folderPath, read, 'Assessment');
        }
        requireUnlocked(await lockStateForWrite(tx, assessmentId));
        validateScore(changes.score, assessment, 'body.changes.score');
        const ids = [...new Set(items.map((i) => i.id))];
        if (ids.length !== items.length) throw invalid('body.items', 'Each requirement assessment may appear once');
        const current = await rq.versionsIn(tx, assessmentId, ids);
        const foreign = ids.filter((i) => !current.has(i));
        if (foreign.length > 0) {
          throw invalid('body.items', `Not requirement assessments of this assessment: ${foreign.join(', ')}`);
        }
        const stale = items.filter((i) => current.get(i.id) !== i.version).map((i) => i.id);
        if (stale.length > 0) {
          throw new AppError(
            'version_conflict',
            `These requirement assessments were changed by someone else since you loaded them: ${stale.join(', ')}. Reload and apply your change again.`,
            stale.map((staleId) => ({ field: 'body.items', message: staleId })),
          );
        }
        const set = columnsFor(changes);
        const columns: Record<string, unknown> = {};
        if (set.status !== undefined) columns.status = set.status;
        if (set.result !== undefined) columns.result = set.result;
        if (set.score !== undefined) columns.score = set.score;
        if (set.isScored !== undefined) columns.is_scored = set.isScored;
        if (set.inferred !== undefined) columns.inferred = set.inferred;
        const updated = await rq.bulkUpdate(tx, assessmentId, items, columns);
        // Versions were checked above under the share lock; a race in between still cannot half-apply.
        if (updated.length !== items.length) throw versionConflict();
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: assessment.folderId,
          action: 'requirement_assessment.bulk_updated',
          objectType: 'compliance_assessment',
          objectId: assessmentId,
          changes: {
            requirementAssessmentIds: { after: ids },
            ...Object.fromEntries(Object.entries(set).map(([k, v]) => [k, { after: v }])),
          },
        });
        return { updated: updated.length, items: updated.map((u) => ({ id: u.id, version: Number(u.version) })) };
      });
    },
  };
}
