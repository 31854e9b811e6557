import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { AppError, invalid } from '../../platform/errors.js';
import { type Cursor, encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { peopleAmong, readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import type { CreateEvidenceInput, UpdateEvidenceInput } from './contracts.js';
import { statusPermissionsOf, toEvidenceDto } from './presenter.js';
import * as q from './queries.js';
import { type EvidenceStatus, statusChangeProblem } from './status-rules.js';
import { evidence } from './tables.js';
import { evidenceDeletion } from './usage.js';

/** Today in UTC as `YYYY-MM-DD` (validity dates are calendar dates; the clock is injectable for tests). */
export const todayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export async function loadReadableEvidence(db: DbOrTx, access: Access, id: string) {
  return readableOr404(await q.findEvidence(db, access.organizationId, id), access, 'evidence:read', 'Evidence');
}

async function checkOwner(db: DbOrTx, organizationId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await peopleAmong(db, organizationId, [ownerId])).has(ownerId)) {
    throw invalid('body.ownerId', 'Not a member of the organisation');
  }
}

const auditable = (row: q.EvidenceRow) => {
  const { id: _i, organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, revisionCount: _r, ...fields } = row;
  return fields;
};

interface ListParams {
  q?: string;
  status?: EvidenceStatus;
  folderId?: string;
  ownerId?: string;
  appliedControlId?: string;
  expiring?: number;
  expired?: boolean;
  sort: string;
  cursor: Cursor | null;
  limit: number;
}

export function createEvidenceService(deps: { db: Database; clock: Clock; usage: UsageHooks }) {
  const { db, clock } = deps;

  async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
    const folder = readableOr404(
      await folderById(tx, access.organizationId, folderId),
      access,
      'folder:read',
      'Folder',
      (found) => found.path,
    );
    access.require('evidence:create', folder.path, 'folder:read', 'Folder');
    return folder;
  }

  async function reload(tx: DbOrTx, access: Access, id: string) {
    return toEvidenceDto(await loadReadableEvidence(tx, access, id), access);
  }

  return {
    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.EvidenceSort>(params.sort);
      const { expiring, ...filters } = params;
      const rows = await q.listEvidence(db, {
        ...filters,
        expiringWithinDays: expiring,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('evidence:read'),
        today: todayOf(clock),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toEvidenceDto(r, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    get: (access: Access, id: string) => reload(db, access, id),

    async create(access: Access, audit: AuditContext, input: CreateEvidenceInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        const [row] = await tx
          .insert(evidence)
          .values({ ...input, organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'evidence.created',
          objectType: 'evidence',
          objectId: row.id,
          changes: createdFields(auditable(row)),
        });
        return reload(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateEvidenceInput) {
      return db.transaction(async (tx) => {
        const before = await loadReadableEvidence(tx, access, id);
        access.require('evidence:update', before.folderPath, 'evidence:read', 'Evidence');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        if (moving && input.folderId) await targetFolder(tx, access, input.folderId);
        await checkOwner(tx, access.organizationId, input.ownerId);
        await updateAudited(tx, audit, {
          table: evidence,
          id,
          version,
          set: input,
          before: before.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: moving ? 'evidence.moved' : 'evidence.updated',
            objectType: 'evidence',
          }),
        });
        return reload(tx, access, id);
      });
    },

    async changeStatus(access: Access, audit: AuditContext, id: string, version: number, to: EvidenceStatus) {
      return db.transaction(async (tx) => {
        const before = await loadReadableEvidence(tx, access, id);
        const problem = statusChangeProblem(before.row.status, to, statusPermissionsOf(access, before.folderPath));
        if (problem === 'permission') {
          throw new AppError('forbidden', `You may not move this evidence to ${to}`);
        }
        if (problem === 'transition') {
          throw new AppError('conflict', `Evidence cannot go from ${before.row.status} to ${to}`);
        }
        await updateAudited(tx, audit, {
          table: evidence,
          id,
          version,
          set: { status: to },
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: 'evidence.status_changed',
            objectType: 'evidence',
          }),
          changes: () => ({ status: { before: before.row.status, after: to } }),
        });
        return reload(tx, access, id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      const fileIds = await db.transaction(async (tx) => {
        const found = await loadReadableEvidence(tx, access, id);
        access.require('evidence:delete', found.folderPath, 'evidence:read', 'Evidence');
        await tx.select({ id: evidence.id }).from(evidence).where(eq(evidence.id, id)).for('update');
        await deps.usage.askInTurn(evidenceDeletion, { tx, access, id });
        const files = (await q.listRevisions(tx, id)).flatMap((r) => (r.revision.fileId ? [r.revision.fileId] : []));
        await deleteAudited(tx, audit, {
          table: evidence,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'evidence.deleted',
            objectType: 'evidence',
          },
          changes: { name: { before: found.row.name }, revisionCount: { before: found.row.revisionCount } },
        });

        return files;
      });
      return fileIds;
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
