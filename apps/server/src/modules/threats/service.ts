import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { conflict } from '../../platform/errors.js';
import { encodeCursor, parseSort } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access } from '../access/index.js';
import { readableOr404 } from '../access/index.js';
import { type AuditContext, createdFields, deleteAudited, recordAudit, updateAudited } from '../audit/index.js';
import { folderById } from '../folders/index.js';
import type { CreateThreatInput, ThreatDto, ThreatImportResult, UpdateThreatInput } from './contracts.js';
import { builtinReadOnly } from './domain-errors.js';
import type { ImportedThreat } from './import-parse.js';
import * as q from './queries.js';
import { threats } from './tables.js';
import { threatDeletion } from './usage.js';

type ListParams = Omit<Parameters<typeof q.listThreats>[1], 'organizationId' | 'visible' | 'sort' | 'descending'> & {
  sort: string;
};

export function toThreat(
  { row, folderPath }: { row: q.ThreatRow; folderPath: string | null },
  access: Access,
): ThreatDto {
  const own = row.organizationId !== null && folderPath !== null;
  return {
    id: row.id,
    source: row.organizationId === null ? 'builtin' : 'organization',
    folderId: row.folderId,
    urn: row.urn,
    refId: row.refId,
    name: row.name,
    description: row.description,
    category: row.category,
    provider: row.provider,
    translations: row.translations ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: own && access.can('threat:update', folderPath),
      delete: own && access.can('threat:delete', folderPath),
    },
  };
}

const auditable = (row: q.ThreatRow) => ({
  folderId: row.folderId,
  urn: row.urn,
  refId: row.refId,
  name: row.name,
  description: row.description,
  category: row.category,
});

/** A threat the caller may read: any built-in, or one of the organisation's in a readable folder; else 404. */
async function loadReadable(db: DbOrTx, access: Access, id: string) {
  const found = await q.findThreat(db, access.organizationId, id);
  if (found?.row.organizationId === null) return found;
  return readableOr404(found, access, 'threat:read', 'Threat');
}

/** An organisation threat the caller may change with `permission`: built-ins are refused as read-only. */
async function loadWritable(db: DbOrTx, access: Access, id: string, permission: 'threat:update' | 'threat:delete') {
  const found = await loadReadable(db, access, id);
  if (found.row.organizationId === null || found.folderPath === null) throw builtinReadOnly('threat');
  access.require(permission, found.folderPath, 'threat:read', 'Threat');
  return { row: found.row, folderPath: found.folderPath };
}

export async function targetFolder(tx: DbOrTx, access: Access, folderId: string) {
  const folder = readableOr404(
    await folderById(tx, access.organizationId, folderId),
    access,
    'folder:read',
    'Folder',
    (found) => found.path,
  );
  access.require('threat:create', folder.path, 'folder:read', 'Folder');
  return folder;
}

export function createThreatService(deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;

  return {
    /** Checked before the upload is read, so a caller without the right learns it before sending a file. */
    async checkImportFolder(access: Access, folderId: string) {
      await targetFolder(db, access, folderId);
    },

    async detail(access: Access, id: string) {
      return toThreat(await loadReadable(db, access, id), access);
    },

    async list(access: Access, params: ListParams) {
      const { key, descending } = parseSort<q.ThreatSort>(params.sort);
      const rows = await q.listThreats(db, {
        ...params,
        organizationId: access.organizationId,
        visible: access.visibleFolderIds('threat:read'),
        sort: key,
        descending,
      });
      const items = rows.slice(0, params.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => toThreat(r, access)),
        nextCursor: rows.length > params.limit && last ? encodeCursor({ v: last.sortCursor, id: last.row.id }) : null,
      };
    },

    async create(access: Access, audit: AuditContext, input: CreateThreatInput) {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, input.folderId);
        const [row] = await tx
          .insert(threats)
          .values({ ...input, organizationId: access.organizationId, folderId: folder.id })
          .returning();
        if (!row) throw new Error('insert returned no row');
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'threat.created',
          objectType: 'threat',
          objectId: row.id,
          changes: createdFields(auditable(row)),
        });
        return toThreat({ row, folderPath: folder.path }, access);
      });
    },

    async update(access: Access, audit: AuditContext, id: string, version: number, input: UpdateThreatInput) {
      return db.transaction(async (tx) => {
        const before = await loadWritable(tx, access, id, 'threat:update');
        const moving = input.folderId !== undefined && input.folderId !== before.row.folderId;
        const folderPath =
          moving && input.folderId ? (await targetFolder(tx, access, input.folderId)).path : before.folderPath;
        const after = await updateAudited(tx, audit, {
          table: threats,
          id,
          version,
          set: input,
          before: before.row,
          auditable,
          event: (row) => ({
            organizationId: access.organizationId,
            folderId: row.folderId,
            action: moving ? 'threat.moved' : 'threat.updated',
            objectType: 'threat',
          }),
        });
        return toThreat({ row: after, folderPath }, access);
      });
    },

    async remove(access: Access, audit: AuditContext, id: string, version: number) {
      await db.transaction(async (tx) => {
        const found = await loadWritable(tx, access, id, 'threat:delete');
        await tx.select({ id: threats.id }).from(threats).where(eq(threats.id, id)).for('update');
        await deps.usage.askInTurn(threatDeletion, { tx, access, id });
        await deleteAudited(tx, audit, {
          table: threats,
          id,
          version,
          event: {
            organizationId: access.organizationId,
            folderId: found.row.folderId,
            action: 'threat.deleted',
            objectType: 'threat',
          },
          changes: { name: { before: found.row.name }, urn: { before: found.row.urn } },
        });
      });
    },

    /**
     * Imports threats by URN into `folderId`: a new URN is created there, a known one (anywhere in the
     * organisation) is updated only when the file says something different, so importing twice changes nothing.
     */
    async importThreats(
      access: Access,
      audit: AuditContext,
      folderId: string,
      imported: ImportedThreat[],
    ): Promise<ThreatImportResult> {
      return db.transaction(async (tx) => {
        const folder = await targetFolder(tx, access, folderId);
        const existing = new Map(
          (
            await q.orgThreatsByUrn(
              tx,
              access.organizationId,
              imported.map((t) => t.urn),
            )
          ).map((r) => [r.row.urn, r]),
        );
        const result: ThreatImportResult = { created: 0, updated: 0, unchanged: 0, threats: [] };
        for (const t of imported) {
          const found = existing.get(t.urn);
          if (!found) {
            const [created] = await tx
              .insert(threats)
              .values({ ...t, organizationId: access.organizationId, folderId: folder.id })
              .returning();
            if (!created) throw new Error('insert returned no row');
            result.created += 1;
            result.threats.push({ id: created.id, urn: t.urn, outcome: 'created' });
            continue;
          }
          const row = found.row;
          const same =
            row.refId === t.refId &&
            row.name === t.name &&
            row.description === t.description &&
            row.provider === t.provider &&
            JSON.stringify(row.translations ?? null) === JSON.stringify(t.translations);
          if (same) {
            result.unchanged += 1;
            result.threats.push({ id: row.id, urn: t.urn, outcome: 'unchanged' });
            continue;
          }
          if (!access.can('threat:update', found.folderPath)) {
            throw conflict(`A threat with URN ${t.urn} already exists in a folder where you may not change it`);
          }
          await tx
            .update(threats)
            .set({ ...t, version: sql`${threats.version} + 1`, updatedAt: sql`now()` })
            .where(eq(threats.id, row.id));
          result.updated += 1;
          result.threats.push({ id: row.id, urn: t.urn, outcome: 'updated' });
        }
        if (result.created + result.updated > 0) {
          await recordAudit(tx, audit, {
            organizationId: access.organizationId,
            folderId: folder.id,
            action: 'threat.imported',
            objectType: 'threat',
            objectId: null,
            changes: {
              created: { after: result.created },
              updated: { after: result.updated },
              urns: {
                after: result.threats
                  .filter((x) => x.outcome !== 'unchanged')
                  .map((x) => x.urn)
                  .slice(0, 200),
              },
            },
          });
        }
        return result;
      });
    },
  };
}
