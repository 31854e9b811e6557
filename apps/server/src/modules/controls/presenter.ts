import type { Access } from '../access/index.js';
import type { AppliedControlSummaryDto } from './contracts.js';
import type { ControlWithCounts } from './queries.js';

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export function toControlSummary(
  { row, folderPath, requirementCount, evidenceCount }: ControlWithCounts,
  owners: Person[],
  access: Access,
): AppliedControlSummaryDto {
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    status: row.status,
    category: row.category,
    csfFunction: row.csfFunction,
    priority: row.priority,
    effort: row.effort,
    costBuild: row.costBuild,
    costRun: row.costRun,
    currency: row.currency,
    startDate: row.startDate,
    eta: row.eta,
    expiryDate: row.expiryDate,
    progress: row.progress,
    link: row.link,
    owners: owners.map((o) => ({ id: o.id, displayName: o.displayName, email: o.email })),
    requirementCount: Number(requirementCount),
    evidenceCount: Number(evidenceCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: access.can('applied_control:update', folderPath),
      delete: access.can('applied_control:delete', folderPath),
    },
  };
}
