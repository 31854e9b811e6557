import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so the same event always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are sealed by the chain. Adding a field here changes every hash: it is a format version. */
export interface ChainedFields {
  organizationId: string | null;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorType: string;
  actorTokenId: string | null;
  folderId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

export function eventHash(e: ChainedFields): string {
  const sealed = canonicalJson({
    v: 1,
    organizationId: e.organizationId,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    actorType: e.actorType,
    actorTokenId: e.actorTokenId,
    folderId: e.folderId,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    changes: e.changes,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash('sha256').update(e.prevHash).update('\n').update(sealed).digest('hex');
}
