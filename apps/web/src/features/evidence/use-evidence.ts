import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import { credentials } from '../../app/api/credentials';
import { problemOf } from '../../app/api/errors';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { evidenceKeys } from './keys';

export type Evidence = paths['/api/v1/evidence/{id}']['get']['responses'][200]['content']['application/json'];
export type Revision =
  paths['/api/v1/evidence/{id}/revisions']['get']['responses'][200]['content']['application/json']['items'][number];
export type EvidenceStatus = Evidence['status'];
type ListQuery = NonNullable<paths['/api/v1/evidence']['get']['parameters']['query']>;
export type CreateEvidenceBody = NonNullable<
  paths['/api/v1/evidence']['post']['requestBody']
>['content']['application/json'];
export type UpdateEvidenceBody = NonNullable<
  paths['/api/v1/evidence/{id}']['patch']['requestBody']
>['content']['application/json'];

export const evidenceStatuses = ['draft', 'missing', 'in_review', 'approved', 'rejected', 'expired'] as const;
export const evidenceStatusColor: Record<EvidenceStatus, string> = {
  // Plain colours, not theme names: a light badge caps its text at shade 6, under 4.5:1 for most hues.
  draft: '#495057',
  missing: '#a13d00',
  in_review: '#1864ab',
  approved: '#1f6b2f',
  rejected: '#a61e1e',
  expired: '#343a40',
};

export type EvidenceFilters = Pick<ListQuery, 'q' | 'status' | 'expiring' | 'expired' | 'appliedControlId'>;

export function useEvidenceList(filters: EvidenceFilters) {
  return usePaged(evidenceKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/evidence', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

/** A short server-side search, for pickers. */
export function useEvidenceSearch(q: string) {
  return useQuery({
    queryKey: evidenceKeys.search(q),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/evidence', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }))).items,
  });
}

export function useEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/evidence/{id}', { params: { path: { id } } })),
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: evidenceKeys.revisions(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/evidence/{id}/revisions', { params: { path: { id } } }))).items,
  });
}

function useEvidenceMutation<V>(fn: (variables: V) => Promise<Evidence>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (evidence) => {
      queryClient.setQueryData(evidenceKeys.detail(evidence.id), evidence);
      return queryClient.invalidateQueries({ queryKey: evidenceKeys.lists() });
    },
  });
}

export const useCreateEvidence = () =>
  useEvidenceMutation((body: CreateEvidenceBody) => unwrap(api.POST('/api/v1/evidence', { body })));

export const useUpdateEvidence = () =>
  useEvidenceMutation(({ id, ...body }: UpdateEvidenceBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/evidence/{id}', { params: { path: { id } }, body })),
  );

export const useChangeEvidenceStatus = () =>
  useEvidenceMutation(({ id, version, status }: { id: string; version: number; status: EvidenceStatus }) =>
    unwrap(api.POST('/api/v1/evidence/{id}/status', { params: { path: { id } }, body: { version, status } })),
  );

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/evidence/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.lists() }),
  });
}

export function useAddRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; note: string } | { url: string; note: string }) => {
      const note = input.note.trim();
      if ('url' in input) {
        // The route reads its body by hand (file or link), so the document types none: pass the JSON through.
        const body = { url: input.url, ...(note ? { note } : {}) };
        return unwrap(api.POST('/api/v1/evidence/{id}/revisions', { params: { path: { id } }, body: body as never }));
      }
      const form = new FormData();
      if (note) form.append('note', note);
      form.append('file', input.file, input.file.name);
      return unwrap(
        api.POST('/api/v1/evidence/{id}/revisions', {
          params: { path: { id } },
          body: form as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

/**
 * Downloads a file revision. The request needs the organisation header (a plain link would not send it), so the
 * file is fetched and handed to the browser as a blob under its recorded name.
 */
export async function downloadRevision(evidenceId: string, revision: Revision) {
  const response = await fetch(`/api/v1/evidence/${evidenceId}/revisions/${revision.number}/content`, {
    credentials: 'same-origin',
    headers: credentials.organizationId ? { 'x-organization-id': credentials.organizationId } : {},
  });
  if (!response.ok) throw await problemOf(response);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = revision.fileName ?? `revision-${revision.number}`;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whole days from today (local calendar) to an ISO date; negative once it has passed. */
export function daysUntil(isoDate: string, today = new Date()): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}
