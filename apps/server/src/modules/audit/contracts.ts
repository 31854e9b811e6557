import { z } from 'zod';
import { listQueryBase, pageSchema } from '../../platform/http/pagination.js';

const timestamp = z.iso.datetime({ offset: true });

/** The filters shared by the list and the export, so an export is exactly what the list showed. */
export const auditFilters = {
  q: z.string().trim().max(200).optional().describe('Matches the action, object type, object id or actor e-mail'),
  action: z.string().trim().max(80).optional().describe('Exact action, e.g. `folder.created`'),
  objectType: z.string().trim().max(60).optional(),
  objectId: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  folderId: z.uuid().optional().describe('Only events about objects in this folder (not its subfolders)'),
  from: timestamp.optional().describe('Events at or after this instant (ISO 8601 with offset)'),
  to: timestamp.optional().describe('Events before this instant (ISO 8601 with offset)'),
};

export const listAuditEventsQuery = z.strictObject({
  limit: listQueryBase.limit,
  cursor: listQueryBase.cursor,
  ...auditFilters,
});

export const exportAuditEventsQuery = z.strictObject({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  ...auditFilters,
});

export type AuditFilterInput = Omit<z.infer<typeof exportAuditEventsQuery>, 'format'>;

export const auditEventSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.date(),
  actorType: z.string(),
  /** Null for system events; e-mail and name are null when the user no longer exists (the trail outlives them). */
  actor: z.object({ id: z.uuid(), email: z.string().nullable(), displayName: z.string().nullable() }).nullable(),
  actorTokenId: z.uuid().nullable(),
  folderId: z.uuid().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditEventPage = pageSchema(auditEventSchema);

export const chainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.uuid(), reason: z.enum(['hash_mismatch', 'broken_link', 'sequence_gap']) })
    .optional(),
});
