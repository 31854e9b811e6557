import { z } from 'zod';
import { listQueryBase, pageSchema, sortParam } from '../../platform/http/pagination.js';
import { isoDate } from '../../platform/http/primitives.js';
import { personSchema } from '../users/index.js';
import { evidenceRevisionKinds, evidenceStatuses } from './tables.js';

const text = (max: number) => z.string().trim().max(max);

export const revisionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: z.enum(evidenceRevisionKinds),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: personSchema.pick({ id: true, displayName: true }).nullable(),
  createdAt: z.date(),
});
export type RevisionDto = z.infer<typeof revisionSchema>;

export const evidenceSchema = z.object({
  id: z.uuid(),
  folderId: z.uuid(),
  refId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(evidenceStatuses),
  owner: personSchema.nullable(),
  validUntil: z.string().nullable(),
  reminderDays: z.number().int(),
  revisionCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  abilities: z.object({
    update: z.boolean(),
    delete: z.boolean(),
    /** May add a revision (file or link). */
    addRevision: z.boolean(),
    /** The statuses the caller may move this evidence to now. */
    statusTransitions: z.array(z.enum(evidenceStatuses)),
  }),
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const evidenceIdParams = z.object({ id: z.uuid() });
export const revisionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(1_000_000) });

export const listEvidenceQuery = z.strictObject({
  ...listQueryBase,
  q: text(200).optional().describe('Searches the name, ref id and description'),
  sort: sortParam(['name', 'refId', 'status', 'validUntil', 'updatedAt'], 'name'),
  status: z.enum(evidenceStatuses).optional(),
  folderId: z.uuid().optional().describe('This folder and every folder below it'),
  ownerId: z.uuid().optional(),
  appliedControlId: z.uuid().optional().describe('Evidence attached to this applied control'),
  expiring: z.coerce.number().int().min(0).max(3650).optional().describe('Valid until a date within N days from today'),
  expired: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: validity date passed; false: not passed (or none)'),
});

const editable = {
  refId: text(100).nullable().optional(),
  name: text(300).min(1),
  description: text(20_000).nullable().optional(),
  ownerId: z.uuid().nullable().optional().describe('A member of the organisation'),
  validUntil: isoDate.nullable().optional(),
  reminderDays: z.number().int().min(0).max(365).optional().describe('Days before validUntil the owner is reminded'),
};

export const createEvidenceBody = z.strictObject({
  folderId: z.uuid(),
  ...editable,
  status: z.enum(['draft', 'missing']).optional().describe('Default missing (no content yet)'),
});
export type CreateEvidenceInput = z.infer<typeof createEvidenceBody>;

export const updateEvidenceBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  folderId: z.uuid().optional().describe('Move to this folder (needs evidence:create there)'),
  ...editable,
  name: editable.name.optional(),
});
export type UpdateEvidenceInput = Omit<z.infer<typeof updateEvidenceBody>, 'version'>;

export const statusChangeBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  status: z.enum(evidenceStatuses),
});

/** The JSON form of `POST /evidence/{id}/revisions`: a link revision. */
export const linkRevisionBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  note: text(2000).optional(),
});
/** Text fields sent next to the file in the multipart form. */
export const fileRevisionFields = z.strictObject({ note: text(2000).optional() });

export const deleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const evidencePage = pageSchema(evidenceSchema);
export const revisionList = z.object({ items: z.array(revisionSchema) });
