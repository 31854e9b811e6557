import type { Access } from '../access/index.js';
import type { FindingSummaryDto } from './contracts.js';
import type { FindingWithLinks, Visibility } from './queries.js';
import { isOverdue } from './rules.js';

/** What the caller may read among linked objects: counts and details show only those. */
export const visibilityOf = (access: Access): Visibility => ({
  findings: access.visibleFolderIds('finding:read'),
  links: {
    assets: access.visibleFolderIds('asset:read'),
    appliedControls: access.visibleFolderIds('applied_control:read'),
    riskScenarios: access.visibleFolderIds('risk_scenario:read'),
  },
});

export function toFindingSummary(found: FindingWithLinks, access: Access, today: string): FindingSummaryDto {
  const { row, folderPath } = found;
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    title: row.title,
    description: row.description,
    severity: row.severity,
    status: row.status,
    owner:
      row.ownerId && found.ownerName !== null && found.ownerEmail !== null
        ? { id: row.ownerId, displayName: found.ownerName, email: found.ownerEmail }
        : null,
    findingsAssessment:
      row.findingsAssessmentId && found.assessmentName !== null
        ? { id: row.findingsAssessmentId, name: found.assessmentName }
        : null,
    identifiedAt: row.identifiedAt,
    dueDate: row.dueDate,
    closedAt: row.closedAt,
    overdue: isOverdue(row.dueDate, row.status, today),
    source: row.source,
    externalRef: row.externalRef,
    assetCount: Number(found.assetCount),
    appliedControlCount: Number(found.appliedControlCount),
    riskScenarioCount: Number(found.riskScenarioCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: access.can('finding:update', folderPath),
      delete: access.can('finding:delete', folderPath),
    },
  };
}
