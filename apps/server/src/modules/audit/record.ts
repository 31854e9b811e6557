import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from '../../platform/db/client.js';
import { eventHash, GENESIS_HASH } from './hash.js';
import { auditEvents } from './tables.js';

/** Who did it and from where; built once per request (or `systemContext` for jobs and the CLI). */
export interface AuditContext {
  actorUserId: string | null;
  actorType: 'user' | 'token' | 'system' | 'anonymous';
  actorTokenId: string | null;
  requestId: string | null;
  ip: string | null;
}

export const systemContext = (requestId: string | null = null): AuditContext => ({
  actorUserId: null,
  actorType: 'system',
  actorTokenId: null,
  requestId,
  ip: null,
});

export function auditContextOf(request: FastifyRequest): AuditContext {
  const caller = request.caller;
  return {
    actorUserId: caller?.userId ?? null,
    actorType: caller ? (caller.kind === 'token' ? 'token' : 'user') : 'anonymous',
    actorTokenId: caller?.tokenId ?? null,
    requestId: String(request.id),
    ip: request.ip ?? null,
  };
}

/** Typed event names: `<object_type>.<verb>`. SIEMs read these; renaming one is a breaking change. */
export type AuditAction = `${string}.${string}`;

export interface AuditEventInput {
  organizationId: string | null;
  folderId?: string | null;
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  changes?: Record<string, unknown> | null;
}

/**
 * Appends one event to its organisation's chain, inside the caller's transaction so the event exists exactly
 * when the change does. A transaction-scoped advisory lock serialises writers of one chain across app nodes.
 */
export async function recordAudit(
  tx: Transaction,
  ctx: AuditContext,
  input: AuditEventInput,
  now: Date = new Date(),
): Promise<void> {
  const chain = input.organizationId ?? 'global';
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rampart.audit:${chain}`}))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(
      input.organizationId ? eq(auditEvents.organizationId, input.organizationId) : isNull(auditEvents.organizationId),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  // Round-trip through JSON so what we hash is exactly what jsonb will give back (dates as strings, no undefined).
  const changes = input.changes ? (JSON.parse(JSON.stringify(input.changes)) as Record<string, unknown>) : null;
  const fields = {
    organizationId: input.organizationId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(Math.floor(now.getTime())),
    actorUserId: ctx.actorUserId,
    actorType: ctx.actorType,
    actorTokenId: ctx.actorTokenId,
    folderId: input.folderId ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    changes,
    requestId: ctx.requestId,
    ip: ctx.ip,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...fields, hash: eventHash(fields) });
}

/** `{ field: { before, after } }` for the fields that changed; secrets are never passed in. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { before: old ?? null, after: value };
  }
  return changes;
}

/** `{ field: { after } }` for a created object. */
export function createdFields(values: Record<string, unknown>): Record<string, { after: unknown }> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, { after: v }]),
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who acts and from where, for the audit events this request records (`auditContextOf`). */
    readonly audit: AuditContext;
  }
}

/** Installs `request.audit` on every request of the app. */
export function decorateRequestAudit(app: FastifyInstance) {
  app.decorateRequest('audit', {
    getter(this: FastifyRequest) {
      return auditContextOf(this);
    },
  });
}

/** `{ [field]: { before, after } }` when a set of ids changed (compared sorted), else `{}`. */
export function setChange(field: string, before: readonly string[], after: readonly string[]) {
  const previous = [...before].sort();
  const next = [...after].sort();
  return JSON.stringify(previous) === JSON.stringify(next) ? {} : { [field]: { before: previous, after: next } };
}
