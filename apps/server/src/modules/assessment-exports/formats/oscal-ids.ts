import { createHash } from 'node:crypto';
import type { ExportRow } from '../load.js';

const TOKEN = /^[\p{L}_][\p{L}\p{N}._-]*$/u;

/**
 * The OSCAL control id of a requirement: the id it was imported with from an OSCAL catalog, otherwise a token
 * made from its ref id (the same rule as the catalog exporter, so both exports name a requirement alike).
 */
export function oscalControlId(row: Pick<ExportRow, 'refId' | 'urn' | 'extra'>): string {
  const original = row.extra?.oscalId;
  if (typeof original === 'string' && TOKEN.test(original)) return original;
  const base = (row.refId || row.urn.split(':').pop() || 'node')
    .toLowerCase()
    .replace(/[()]/g, '.')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return /^[\p{L}_]/u.test(base) ? base : `n-${base || 'node'}`;
}

/**
 * A stable version-4-shaped UUID derived from a name, so exporting the same assessment twice gives the same
 * finding and observation ids (diffs between two exports show real changes only).
 */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
