import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { type Cursor, parseSort, toPage } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import {
  type AuditContext,
  createdFields,
  deleteAudited,
  diffFields,
  recordAudit,
  updateAudited,
} from '../audit/index.js';
import { findFolder } from '../folders/index.js';
import { findFramework } from '../frameworks/index.js';
import type { AssessmentDto, UpdateAssessmentInput } from './contracts.js';
import { insertAssessment } from './creation.js';
import { abilitiesOf, summaryOf, toListItem } from './presenter.js';
import * as q from './queries.js';
import { planStatusChange } from './status.js';
import { complianceAssessments, type scoringMethods } from './tables.js';

export interface CreateAssessmentInput {
  folderId: string;
  frameworkId: string;
  name: string;
  refId?: string | null;
  description?: string | null;
  implementationGroups?: string[];
  scoringMethod?: (typeof scoringMethods)[number];
  dueDate?: string | null;
  status?: 'planned' | 'in_progress';
  authorIds?: string[];
  reviewerIds?: string[];
}

/** Loads an assessment the caller may read: another organisation's or an unreadable one is a 404. */
export async function loadReadableAssessment(db: DbOrTx, access: Access, id: string) {
  return readableOr404(
    await q.findAssessment(db, access.organizationId, id),
    access,
    'compliance_assessment:read',
    'Assessment',
  );
}

async function requireKnownPeople(db: DbOrTx, access: Access, input: { authorIds?: string[]; reviewerIds?: string[] }) {
  for (const field of ['authorIds', 'reviewerIds'] as const) {
    const ids = input[field];
    if (!ids?.length) continue;
    // Members or guests (an external auditor may author or review an assessment).
    const known = await peopleAmong(db, access.organizationId, ids, { guests: true });
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw invalid(`body.${field}`, `Not members of this organisation: ${unknown.join(', ')}`);
  }
}

/** The full assessment as the API answers it: people and summary read with `tx`. */
export async function assessmentDto(tx: DbOrTx, row: q.AssessmentDetailRow, access: Access): Promise<AssessmentDto> {
  const people = await q.listPeople(tx, row.id);
  const strip = ({ role: _role, ...p }: (typeof people)[number]) => p;
  return {
    ...toListItem(row, access),
    description: row.description,
    frameworkImplementationGroups: row.frameworkImplementationGroups.map((g) => ({ refId: g.refId, name: g.name })),
    minScore: row.minScore,
    maxScore: row.maxScore,
    scoresDefinition: row.scoresDefinition?.map((s) => ({ score: s.score, name: s.name })) ?? null,
    inferredFrom: row.inferredFrom ?? null,
    authors: people.filter((p) => p.role === 'author').map(strip),
    reviewers: people.filter((p) => p.role === 'reviewer').map(strip),
    summary: await summaryOf(tx, row),
  };
}

export function createAssessmentService(deps: { db: Database }) {
  const { db } = deps;

  return {
    async list(
      access: Access,
      params: {
        q?: string;
        status?: string;
        frameworkId?: string;
        frameworkUrn?: string;
        folderId?: string;
        sort: string;
        cursor: Cursor | null;
        limit: number;
      },
    ) {
      let folderPath: string | undefined;
      if (params.folderId) {
        // An unknown folder (or another organisation's) is an empty page, answered without asking SQL to match
        // an impossible path: nothing to list, and nothing revealed about whether it exists.
        const folder = await findFolder(db, access.organizationId, params.folderId);
        if (!folder) return { items: [], nextCursor: null };
        folderPath = folder.path;
      }
      const { key: sort, descending } = parseSort<q.AssessmentSort>(params.sort);
      const rows = await q.listAssessments(db, {
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('compliance_assessment:read'),
        q: params.q,
        status: params.status,
        frameworkId: params.frameworkId,
        frameworkUrn: params.frameworkUrn,
        folderPath,
        sort,
        descending,
        cursor: params.cursor,
        limit: params.limit,
      });
      const page = toPage(rows, params.limit, (r) => r.sortCursor);
      return { items: page.items.map((r) => toListItem(r, access)), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string) {
      return assessmentDto(db, await loadReadableAssessment(db, access, id), access);
    },

    async summary(access: Access, id: string) {
      return summaryOf(db, await loadReadableAssessment(db, access, id));
    },

    async create(access: Access, audit: AuditContext, input: CreateAssessmentInput) {
      return db.transaction(async (tx) => {
        const folder = await findFolder(tx, access.organizationId, input.folderId);
        if (!folder || !access.can('folder:read', folder.path)) throw invalid('body.folderId', 'Unknown folder');
        access.require('compliance_assessment:create', folder.path, 'folder:read', 'Folder');
        const framework = await findFramework(tx, access.organizationId, input.frameworkId);
        if (!framework) throw invalid('body.frameworkId', 'Unknown framework');
        const defined = new Set(framework.implementationGroups.map((g) => g.refId));
        const unknownGroups = (input.implementationGroups ?? []).filter((g) => !defined.has(g));
        if (unknownGroups.length > 0) {
          throw invalid(
            'body.implementationGroups',
            `Not groups of this framework: ${unknownGroups.join(', ')}` +
              (defined.size > 0 ? ` (it defines ${[...defined].join(', ')})` : ' (it defines none)'),
          );
        }
        await requireKnownPeople(tx, access, input);
        const created = await insertAssessment(tx, {
          organizationId: access.organizationId,
          ...input,
          implementationGroups: [...new Set(input.implementationGroups ?? [])],
        });
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: folder.id,
          action: 'compliance_assessment.created',
          objectType: 'compliance_assessment',
          objectId: created.id,
          changes: createdFields({
            name: input.name,
            frameworkId: framework.id,
            frameworkUrn: framework.urn,
            frameworkVersion: framework.frameworkVersion,
            implementationGroups: input.implementationGroups ?? [],
            requirementCount: created.requirementCount,
          }),
        });
        const row = await q.findAssessment(tx, access.organizationId, created.id);
        if (!row) throw new Error('created assessment not found');
        return assessmentDto(tx, row, access);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateAssessmentInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableAssessment(tx, access, id);
        const { status, folderId, authorIds, reviewerIds, ...fields } = input;
        const changesStatus = status !== undefined && status !== before.status;
        const otherChanges =
          Object.values(fields).some((v) => v !== undefined) ||
          authorIds !== undefined ||
          reviewerIds !== undefined ||
          (folderId !== undefined && folderId !== before.folderId);
        if (otherChanges)
          access.require('compliance_assessment:update', before.folderPath, 'compliance_assessment:read', 'Assessment');
        const plan = changesStatus ? planStatusChange(access, before, status) : null;
        let moveTo: string | undefined;
        if (folderId !== undefined && folderId !== before.folderId) {
          const target = await findFolder(tx, access.organizationId, folderId);
          if (!target || !access.can('folder:read', target.path)) throw invalid('body.folderId', 'Unknown folder');
          access.require('compliance_assessment:create', target.path, 'folder:read', 'Folder');
          moveTo = target.id;
        }
        await requireKnownPeople(tx, access, { authorIds, reviewerIds });
        // People first: a stale version throws below and the whole transaction, people included, rolls back.
        if (authorIds !== undefined) await q.replacePeople(tx, id, 'author', authorIds);
        if (reviewerIds !== undefined) await q.replacePeople(tx, id, 'reviewer', reviewerIds);
        await updateAudited(tx, audit, {
          table: complianceAssessments,
          id,
          version,
          set: {
            ...(fields.name !== undefined ? { name: fields.name } : {}),
            ...(fields.refId !== undefined ? { refId: fields.refId } : {}),
            ...(fields.description !== undefined ? { description: fields.description } : {}),
            ...(fields.dueDate !== undefined ? { dueDate: fields.dueDate } : {}),
            ...(fields.scoringMethod !== undefined ? { scoringMethod: fields.scoringMethod } : {}),
            ...(plan ? { status: plan.status, lockedAt: plan.lockedAt } : {}),
            ...(moveTo ? { folderId: moveTo } : {}),
          },
          event: {
            organizationId: access.organizationId,
            folderId: moveTo ?? before.folderId,
            action: plan?.action ?? (moveTo ? 'compliance_assessment.moved' : 'compliance_assessment.updated'),
            objectType: 'compliance_assessment',
          },
          // The loaded view is not the table's row: the diff is of the fields the body names.
          changes: () => diffFields(before, { ...fields, status: plan?.status, folderId: moveTo }),
          moreChanges: {
            ...(authorIds !== undefined ? { authorIds: { after: authorIds } } : {}),
            ...(reviewerIds !== undefined ? { reviewerIds: { after: reviewerIds } } : {}),
          },
        });
        const row = await q.findAssessment(tx, access.organizationId, id);
        if (!row) throw new Error('updated assessment not found');
        return assessmentDto(tx, row, access);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const row = await loadReadableAssessment(tx, access, id);
        access.require('compliance_assessment:delete', row.folderPath, 'compliance_assessment:read', 'Assessment');
        await deleteAudited(tx, audit, {
          table: complianceAssessments,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: row.folderId,
            action: 'compliance_assessment.deleted',
            objectType: 'compliance_assessment',
          },
          changes: { name: { before: row.name }, frameworkId: { before: row.frameworkId } },
        });
      });
    },

    abilities: abilitiesOf,
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
