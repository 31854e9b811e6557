import type { Database } from '../../../platform/db/client.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { type Cursor, toPage } from '../../../platform/http/pagination.js';
import type { Access } from '../../access/index.js';
import { type AuditContext, recordAudit } from '../../audit/index.js';
import { findRootFolder } from '../../folders/index.js';
import { releaseImportKey } from '../imports/release-key.js';
import { findFramework } from '../queries.js';
import { requireReadSomewhere } from '../service.js';
import type { mappingRelationships } from '../tables.js';
import type { MappingSetDto, MappingSetSummaryDto } from './contracts.js';
import * as q from './queries.js';

/** Mapping sets are library material like frameworks: mapping_set:read anywhere in the organisation reads them. */
const requireRead = (access: Access) => requireReadSomewhere(access, 'mapping_set:read');

function toSummary(row: q.MappingSetRow, access: Access): MappingSetSummaryDto {
  const own = row.organizationId !== null;
  return {
    id: row.id,
    urn: row.urn,
    refId: row.refId,
    name: row.name,
    provider: row.provider,
    library: !own,
    sourceFrameworkUrn: row.sourceFrameworkUrn,
    targetFrameworkUrn: row.targetFrameworkUrn,
    sourceFramework: row.sourceFramework ?? null,
    targetFramework: row.targetFramework ?? null,
    ruleCount: row.ruleCount,
    createdAt: row.createdAt,
    abilities: { delete: own && access.canAtRoot('mapping_set:delete') },
  };
}

const toDto = (row: q.MappingSetRow, access: Access): MappingSetDto => ({
  ...toSummary(row, access),
  description: row.description,
  sourceSha256: row.sourceSha256,
  updatedAt: row.updatedAt,
});

type ListParams = { q?: string; cursor: Cursor | null; limit: number };

export function createMappingSetService(deps: { db: Database }) {
  const { db } = deps;

  async function loadReadable(access: Access, id: string) {
    requireRead(access);
    const row = await q.findMappingSet(db, access.organizationId, id);
    if (!row) throw notFound('Mapping set');
    return row;
  }

  async function list(access: Access, params: ListParams & { frameworkUrn?: string }) {
    const rows = await q.listMappingSets(db, { organizationId: access.organizationId, ...params });
    const page = toPage(rows, params.limit, (r) => r.name);
    return { items: page.items.map((r) => toSummary(r, access)), nextCursor: page.nextCursor };
  }

  return {
    async list(access: Access, params: ListParams) {
      requireRead(access);
      return list(access, params);
    },

    /** The sets whose source or target is this framework's URN (whichever of its versions is loaded). */
    async forFramework(access: Access, frameworkId: string, params: ListParams) {
      requireRead(access);
      const framework = await findFramework(db, access.organizationId, frameworkId);
      if (!framework) throw notFound('Framework');
      return list(access, { ...params, frameworkUrn: framework.urn });
    },

    async get(access: Access, id: string) {
      return toDto(await loadReadable(access, id), access);
    },

    async rules(
      access: Access,
      id: string,
      params: {
        relationship?: (typeof mappingRelationships)[number];
        sourceRequirementUrn?: string;
        targetRequirementUrn?: string;
        cursor: Cursor | null;
        limit: number;
      },
    ) {
      const set = await loadReadable(access, id);
      const rows = await q.listMappingRules(db, {
        mappingSetId: set.id,
        sourceFrameworkId: set.sourceFramework?.id ?? null,
        targetFrameworkId: set.targetFramework?.id ?? null,
        ...params,
      });
      return toPage(rows, params.limit, (r) => r.sourceRequirementUrn);
    },

    async remove(access: Access, audit: AuditContext, id: string) {
      await db.transaction(async (tx) => {
        requireRead(access);
        const row = await q.findMappingSet(tx, access.organizationId, id);
        if (!row) throw notFound('Mapping set');
        if (row.organizationId === null)
          throw new AppError('forbidden', 'Library entries shipped with Rampart cannot be deleted');
        access.requireAtRoot('mapping_set:delete');
        await q.deleteMappingSet(tx, access.organizationId, id);
        await releaseImportKey(tx, access.organizationId, { kind: 'mappingSets', id });
        const root = await findRootFolder(tx, access.organizationId);
        await recordAudit(tx, audit, {
          organizationId: access.organizationId,
          folderId: root?.id ?? null,
          action: 'mapping_set.deleted',
          objectType: 'mapping_set',
          objectId: id,
          changes: {
            urn: { before: row.urn },
            name: { before: row.name },
            ruleCount: { before: row.ruleCount },
          },
        });
      });
    },
  };
}

export type MappingSetService = ReturnType<typeof createMappingSetService>;
