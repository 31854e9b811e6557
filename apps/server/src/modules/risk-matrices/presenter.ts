import type { Access } from '../access/index.js';
import type { RiskMatrixDto } from './contracts.js';
import type { MatrixWithUsage } from './queries.js';

export function toMatrix({ row, folderPath, inUse, latestRevision }: MatrixWithUsage, access: Access): RiskMatrixDto {
  const own = row.organizationId !== null && folderPath !== null;
  const used = Number(inUse);
  return {
    id: row.id,
    source: row.organizationId === null ? 'builtin' : 'organization',
    folderId: row.folderId,
    urn: row.urn,
    refId: row.refId,
    name: row.name,
    description: row.description,
    revision: row.revision,
    latestRevision: Number(latestRevision),
    definition: row.definition,
    provider: row.provider,
    inUse: used,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: own && used === 0 && access.can('risk_matrix:update', folderPath),
      delete: own && used === 0 && access.can('risk_matrix:delete', folderPath),
      revise: own && access.can('risk_matrix:create', folderPath),
    },
  };
}
