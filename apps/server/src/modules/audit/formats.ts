import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditEventDto } from './contracts.js';

const csvColumns = [
  'occurredAt',
  'seq',
  'id',
  'action',
  'objectType',
  'objectId',
  'folderId',
  'actorType',
  'actorUserId',
  'actorEmail',
  'actorDisplayName',
  'actorTokenId',
  'requestId',
  'ip',
  'changes',
  'prevHash',
  'hash',
] as const;

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection") gets a leading apostrophe. Only CSV does
 * this; JSON Lines is the faithful format to re-verify hashes from.
 */
const defuse = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function csvRecord(e: AuditEventDto) {
  return {
    occurredAt: e.occurredAt.toISOString(),
    seq: e.seq,
    id: e.id,
    action: defuse(e.action),
    objectType: defuse(e.objectType),
    objectId: defuse(e.objectId),
    folderId: e.folderId,
    actorType: e.actorType,
    actorUserId: e.actor?.id ?? null,
    actorEmail: defuse(e.actor?.email ?? null),
    actorDisplayName: defuse(e.actor?.displayName ?? null),
    actorTokenId: e.actorTokenId,
    requestId: defuse(e.requestId),
    ip: defuse(e.ip),
    changes: e.changes ? JSON.stringify(e.changes) : null,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** Streams events in the chosen text format; an error mid-way ends the response instead of hanging it. */
export function encodeEvents(events: AsyncIterable<AuditEventDto>, format: 'csv' | 'jsonl'): Readable {
  async function* records() {
    for await (const event of events) yield format === 'csv' ? csvRecord(event) : `${JSON.stringify(event)}\n`;
  }
  const source = Readable.from(records());
  if (format === 'jsonl') return source;
  return pipeline(source, stringify({ header: true, columns: [...csvColumns] }), () => {});
}

export const contentTypes = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' } as const;
