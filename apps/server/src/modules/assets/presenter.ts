import type { Access } from '../access/index.js';
import type { AssetSummaryDto } from './contracts.js';
import type { AssetWithCounts } from './queries.js';

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export function toAssetSummary(
  { row, folderPath, supportsCount, supportedByCount }: AssetWithCounts,
  owners: Person[],
  access: Access,
): AssetSummaryDto {
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    type: row.type,
    category: row.category,
    businessValue: row.businessValue,
    securityObjectives: row.securityObjectives ?? {},
    rtoMinutes: row.rtoMinutes,
    rpoMinutes: row.rpoMinutes,
    mtdMinutes: row.mtdMinutes,
    tags: row.tags,
    labels: row.labels ?? {},
    owners: owners.map((o) => ({ id: o.id, displayName: o.displayName, email: o.email })),
    supportsCount: Number(supportsCount),
    supportedByCount: Number(supportedByCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: access.can('asset:update', folderPath),
      delete: access.can('asset:delete', folderPath),
    },
  };
}
