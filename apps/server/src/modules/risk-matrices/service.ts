import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import { builtinReadOnly, matrixInUse } from '../threats/index.js';
import type { CreateMatrixInput, ReviseMatrixInput, RiskMatrixDto, UpdateMatrixInput } from './contracts.js';
import { toMatrix } from './presenter.js';
import * as q from './queries.js';
import { riskMatrices } from './tables.js';
import type { MatrixUseCount } from './usage.js';

type ListParams = Omit<
  Parameters<typeof q.listMatrices>[2],
  'organizationId' | 'visible' | 'sort' | 'descending' | 'allRevisions'
> & { sort: string; allRevisions: 'true' | 'false' };

/** A fresh URN for a matrix an organisation creates (a copy is a new matrix, not a revision of its source). */
export const newMatrixUrn = () => `urn:rampart:org:risk:matrix:${randomUUID()}`;

export const auditable = (row: q.MatrixRow) => ({
  folderId: row.folderId,
  urn: row.urn,
  revision: row.revision,
  refId: row.refId,
  name: row.name,
  description: row.description,
  definition: row.definition,
});

/** A matrix the caller may read: any built-in, or the organisation's in a readable folder; else 404. */
export async function loadReadableMatrix(db: DbOrTx, inUse: MatrixUseCount, access: Access, id: string) {
  const found = await q.findMatrix(db, inUse, access.organizationId, id);
  if (found?.row.organizationId === null) return found;
  return readableOr404(found, access, 'risk_matrix:read', 'Risk matrix');
}

async function loadOwn(
  db: DbOrTx,
  inUse: MatrixUseCount,
  access: Access,
  id: string,
  permission: 'risk_matrix:update' | 'risk_matrix:delete' | 'risk_matrix:create',
) {
  const found = await loadReadableMatrix(db, inUse, access, id);
  if (found.row.organizationId === null || found.folderPath === null) throw builtinReadOnly('risk matrix');
  access.require(permission, found.folderPath, 'risk_matrix:read', 'Risk matrix');
  return { ...found, folderPath: found.folderPath };
}

export async function matrixTargetFolder(tx: DbOrTx, access: Access, folderId: string) {
  const folder = readableOr404(
    await folderById(tx, access.organizationId, folderId),
    access,
    'folder:read',
    'Folder',
    (found) => found.path,
  );
  access.require('risk_matrix:create', folder.path, 'folder:read', 'Folder');
  return folder;
}

export function createRiskMatrixService(deps: { db: Database; inUse: MatrixUseCount }) {
  const { db, inUse } = deps;

  const detail = async (tx: DbOrTx, access: Access, id: string) =>
    toMatrix(await loadReadableMatrix(tx, inUse, access, id), access);

  return {
    detail: (access: Access, id: string) => detail(db, access, id),

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.MatrixSort>(params.sort);
      const rows = await q.listMatrices(db, inUse, {
        ...params,
        allRevisions: params.allRevisions === 'true',
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('risk_matrix:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toMatrix(r, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async revisions(access: Access, id: string): Promise<{ items: RiskMatrixDto[] }> {
      const found = await loadReadableMatrix(db, inUse, access, id);
      const rows = await q.revisionsOf(
        db,
        inUse,
        access.organizationId,
        access.visibleFolderIds('risk_matrix:read'),
        found.row,
      );
      return { items: rows.map((r) => toMatrix(r, access)) };
    },

    async create(access: Access, audit: AuditContext, input: CreateMatrixInput) {
      if (input.definition && input.copyFromId) {
        throw invalid('body.copyFromId', 'Send either `definition` or `copyFromId`, not both');
      }
      if (!input.definition && !input.copyFromId) {
        throw invalid('body.definition', 'Send a `definition`, or `copyFromId` to copy a matrix');
      }
      if (input.definition && !input.name) throw invalid('body.name', 'A new matrix needs a name');
      return db.transaction(async (tx) => {
        const folder = await matrixTargetFolder(tx, access, input.folderId);
        const source = input.copyFromId ? (await loadReadableMatrix(tx, inUse, access, input.copyFromId)).row : null;
        const definition = input.definition ?? source?.definition;
        const name = input.name ?? source?.name;
        if (!definition || !name) throw invalid('body.definition', 'A matrix needs a definition and a name');
        const [row] = await tx
          .insert(riskMatrices)
          .values({
            organizationId: access.organizationId,
            folderId: folder.id,
            urn: newMatrixUrn(),
            refId: input.refId === undefined ? (source?.refId ?? null) : input.refId,
            name,
            description: input.description === undefined ? (source?.description ?? null) : input.description,
            definition,
            revision: 1,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: folder.id,
          action: 'risk_matrix.created',
          objectType: 'risk_matrix',
          objectId: row.id,
          changes: createdFields({ ...auditable(row), copiedFrom: source ? source.urn : null }),
        });
        return detail(tx, access, row.id);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateMatrixInput) {
      return db.transaction(async (tx) => {
        const before = await loadOwn(tx, inUse, access, id, 'risk_matrix:update');
        const used = Number(before.inUse);
        if (used > 0) throw matrixInUse(used, 'changed');
        await updateAudited(tx, audit, {
          table: riskMatrices,
          id,
          version,
          set: input,
          before: before.row,
          auditable,
          event: (after) => ({
            organizationId: access.organizationId,
            folderId: after.folderId,
            action: 'risk_matrix.updated',
            objectType: 'risk_matrix',
          }),
        });
        return detail(tx, access, id);
      });
    },

    /** The next revision of the matrix (same URN, highest revision + 1), in the folder of the one it starts from. */
    async revise(access: Access, audit: AuditContext, id: string, input: ReviseMatrixInput) {
      return db.transaction(async (tx) => {
        const base = await loadOwn(tx, inUse, access, id, 'risk_matrix:create');
        const organizationId = access.organizationId;
        // Serialise revisions of one matrix so two concurrent requests cannot both take the same number.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`rampart.risk_matrix:${organizationId}:${base.row.urn}`}))`,
        );
        const revision = (await q.maxRevision(tx, organizationId, base.row.urn)) + 1;
        const [row] = await tx
          .insert(riskMatrices)
          .values({
            organizationId,
            folderId: base.row.folderId,
            urn: base.row.urn,
            refId: base.row.refId,
            name: input.name ?? base.row.name,
            description: input.description === undefined ? base.row.description : input.description,
            provider: base.row.provider,
            definition: input.definition,
            revision,
          })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId,
          folderId: row.folderId,
          action: 'risk_matrix.revised',
          objectType: 'risk_matrix',
          objectId: row.id,
          changes: { ...createdFields(auditable(row)), revisedFrom: { before: base.row.id } },
        });
        return detail(tx, access, row.id);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadOwn(tx, inUse, access, id, 'risk_matrix:delete');
        const used = Number(found.inUse);
        if (used > 0) throw matrixInUse(used, 'deleted');
        await deleteAudited(tx, audit, {
          table: riskMatrices,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'risk_matrix.deleted',
            objectType: 'risk_matrix',
          },
          changes: {
            name: { before: found.row.name },
            urn: { before: found.row.urn },
            revision: { before: found.row.revision },
          },
        });
      });
    },
  };
}
