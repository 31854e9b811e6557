import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Cursor, toPage } from '../../platform/http/pagination.js';
import type { UsageHooks } from '../../platform/usage.js';
import type { Access, Permission } from '../access/index.js';
import { type AuditContext, recordAudit } from '../audit/index.js';
import type { FrameworkDto, FrameworkSummaryDto } from './contracts.js';
import { releaseImportKey } from './imports/release-key.js';
import * as q from './queries.js';
import { toReferenceControlSummary } from './reference-controls/presenter.js';
import { listForRequirement } from './reference-controls/queries.js';
import { frameworks } from './tables.js';
import { frameworkDeletion } from './usage.js';

export { LIBRARY_IMPORT_JOB } from './imports/release-key.js';

/**
 * Frameworks are reference material the whole organisation assesses against, from any folder: whoever holds
 * framework:read anywhere in it may browse them. Changing them (import, profile, delete) needs the permission on
 * the root folder, where imported frameworks live. The same holds for the library's mapping sets (mapping_set:read).
 */
export function requireReadSomewhere(access: Access, permission: Permission) {
  if (!access.summary().somewhere.includes(permission)) {
    throw new AppError('forbidden', `This needs the ${permission} permission`);
  }
}

/**
 * The modules that keep records on a framework (assessments: ON DELETE RESTRICT) refuse its deletion with a 409
 * instead of letting the foreign key fail. The framework row is locked first: a record being created
 * concurrently (which key-share locks it) either commits before the answers see it or waits until the delete is
 * over. Links from applied controls to the framework's requirements (applied_control_requirements) cascade on
 * purpose: the controls stay, only their mapping to the deleted requirements goes, as when a framework is replaced.
 */
async function refuseWhenUsed(tx: Transaction, usage: UsageHooks, access: Access, id: string) {
  await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, id)).for('update');
  await usage.askInTurn(frameworkDeletion, { tx, access, id });
}

export const requireFrameworkRead = (access: Access) => requireReadSomewhere(access, 'framework:read');

function toSummary(row: q.FrameworkRow, access: Access): FrameworkSummaryDto {
  const own = row.organizationId !== null;
  return {
    id: row.id,
    urn: row.urn,
    refId: row.refId,
    name: row.name,
    frameworkVersion: row.frameworkVersion,
    provider: row.provider,
    locale: row.locale,
    sourceFormat: row.sourceFormat,
    library: !own,
    implementationGroups: row.implementationGroups,
    requirementCount: row.requirementCount,
    assessableCount: row.assessableCount,
    createdAt: row.createdAt,
    abilities: {
      delete: own && access.canAtRoot('framework:delete'),
      applyProfile: own && row.sourceFormat === 'oscal_catalog' && access.canAtRoot('framework:create'),
    },
  };
}

function toDto(row: q.FrameworkRow, access: Access): FrameworkDto {
  return {
    ...toSummary(row, access),
    description: row.description,
    packager: row.packager,
    copyright: row.copyright,
    sourceSha256: row.sourceSha256,
    minScore: row.minScore,
    maxScore: row.maxScore,
    scoresDefinition: row.scoresDefinition ?? null,
    translations: row.translations ?? null,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function createFrameworkService(deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;

  async function loadReadable(access: Access, id: string) {
    requireFrameworkRead(access);
    const row = await q.findFramework(db, access.organizationId, id);
    if (!row) throw notFound('Framework');
    return row;
  }

  return {
    async list(access: Access, params: { q?: string; cursor: Cursor | null; limit: number }) {
      requireFrameworkRead(access);
      const rows = await q.listFrameworks(db, { organizationId: access.organizationId, ...params });
      const page = toPage(rows, params.limit, (r) => r.name);
      return { items: page.items.map((r) => toSummary(r, access)), nextCursor: page.nextCursor };
    },

    async get(access: Access, id: string) {
      return toDto(await loadReadable(access, id), access);
    },

    async requirements(
      access: Access,
      id: string,
      filters: { q?: string; implementationGroup?: string; assessable?: 'true' | 'false' },
    ) {
      const framework = await loadReadable(access, id);
      const assessable = filters.assessable === undefined ? undefined : filters.assessable === 'true';
      return q.listRequirements(db, { frameworkId: framework.id, ...filters, assessable });
    },

    async requirement(access: Access, id: string, nodeId: string) {
      const framework = await loadReadable(access, id);
      const row = await q.findRequirement(db, framework.id, nodeId);
      if (!row) throw notFound('Requirement');
      const controls = await listForRequirement(db, access.organizationId, row.id);
      return {
        ...row,
        translations: row.translations ?? null,
        extra: row.extra ?? null,
        referenceControls: controls.map(toReferenceControlSummary),
      };
    },

    async remove(access: Access, audit: AuditContext, id: string) {
      await db.transaction(async (tx) => {
        requireFrameworkRead(access);
        const row = await q.findFramework(tx, access.organizationId, id);
        if (!row) throw notFound('Framework');
        if (row.organizationId === null)
          throw new AppError('forbidden', 'Library entries shipped with Rampart cannot be deleted');
        access.requireAtRoot('framework:delete');
        await refuseWhenUsed(tx, deps.usage, access, id);
        await q.deleteFramework(tx, access.organizationId, id);
        await releaseImportKey(tx, access.organizationId, { kind: 'frameworks', id });
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: row.folderId,
          action: 'framework.deleted',
          objectType: 'framework',
          objectId: id,
          changes: {
            urn: { before: row.urn },
            name: { before: row.name },
            frameworkVersion: { before: row.frameworkVersion },
          },
        });
      });
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
