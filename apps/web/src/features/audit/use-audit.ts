import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { auditKeys } from './keys';

export type AuditEvent =
  paths['/api/v1/audit-events']['get']['responses'][200]['content']['application/json']['items'][number];

export interface AuditFilters {
  q: string;
  action: string;
  objectType: string;
  actorUserId: string;
  from: string;
  to: string;
}

export const emptyFilters: AuditFilters = { q: '', action: '', objectType: '', actorUserId: '', from: '', to: '' };

/** Only the filters that are set, with the date range widened to whole days in the user's time zone. */
export function filterQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['q', 'action', 'objectType', 'actorUserId'] as const) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  if (filters.from) query.from = new Date(`${filters.from}T00:00:00`).toISOString();
  if (filters.to) query.to = new Date(`${filters.to}T23:59:59.999`).toISOString();
  return query;
}

export function useAuditEvents(filters: AuditFilters) {
  return usePaged(auditKeys.list(filters), (cursor) =>
    unwrap(
      api.GET('/api/v1/audit-events', {
        params: { query: { ...filterQuery(filters), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function exportUrl(filters: AuditFilters, format: 'csv' | 'jsonl'): string {
  return `/api/v1/audit-events/export?${new URLSearchParams({ ...filterQuery(filters), format })}`;
}
