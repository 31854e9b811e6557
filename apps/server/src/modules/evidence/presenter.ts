import type { Access } from '../access/index.js';
import type { EvidenceDto, RevisionDto } from './contracts.js';
import type { EvidenceWithOwner, RevisionRow } from './queries.js';
import { allowedTransitions } from './status-rules.js';

export const statusPermissionsOf = (access: Access, folderPath: string) => ({
  update: access.can('evidence:update', folderPath),
  review: access.can('evidence:review', folderPath),
  approve: access.can('evidence:approve', folderPath),
});

export function toEvidenceDto(
  { row, folderPath, ownerDisplayName, ownerEmail }: EvidenceWithOwner,
  access: Access,
): EvidenceDto {
  const can = statusPermissionsOf(access, folderPath);
  return {
    id: row.id,
    folderId: row.folderId,
    refId: row.refId,
    name: row.name,
    description: row.description,
    status: row.status,
    owner:
      row.ownerId && ownerDisplayName !== null && ownerEmail !== null
        ? { id: row.ownerId, displayName: ownerDisplayName, email: ownerEmail }
        : null,
    validUntil: row.validUntil,
    reminderDays: row.reminderDays,
    revisionCount: row.revisionCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    abilities: {
      update: can.update,
      delete: access.can('evidence:delete', folderPath),
      addRevision: can.update,
      statusTransitions: allowedTransitions(row.status, can),
    },
  };
}

export const toRevisionDto = (revision: RevisionRow, createdByName: string | null): RevisionDto => ({
  id: revision.id,
  number: revision.number,
  kind: revision.kind,
  fileName: revision.fileName,
  contentType: revision.contentType,
  size: revision.size,
  sha256: revision.sha256,
  url: revision.url,
  note: revision.note,
  createdBy:
    revision.createdBy && createdByName !== null ? { id: revision.createdBy, displayName: createdByName } : null,
  createdAt: revision.createdAt,
});
