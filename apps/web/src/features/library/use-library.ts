import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { jobKeys } from '../jobs/keys';
import { frameworkKeys } from './keys';

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type FrameworkSummary = Json<'/api/v1/frameworks', 'get'>['items'][number];
export type Framework = Json<'/api/v1/frameworks/{id}', 'get'>;
export type RequirementItem = Json<'/api/v1/frameworks/{id}/requirements', 'get'>['items'][number];
export type Requirement = Json<'/api/v1/frameworks/{id}/requirements/{nodeId}', 'get'>;
export type JobRun = Json<'/api/v1/jobs/{id}', 'get'>;
export type SourceFormat = FrameworkSummary['sourceFormat'];
export type MappingSetSummary = Json<'/api/v1/frameworks/{id}/mapping-sets', 'get'>['items'][number];

export const importFormats = [
  'auto',
  'oscal_catalog',
  'oscal_profile',
  'ciso_assistant',
  'rampart',
  'owasp_asvs',
  'framework_xlsx',
] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface RequirementFilters {
  q: string;
  implementationGroup: string | null;
  assessable: boolean;
}

export function useFrameworks(q: string) {
  return usePaged(frameworkKeys.list({ q }), (cursor) =>
    unwrap(
      api.GET('/api/v1/frameworks', {
        params: { query: { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

/** The mapping sets whose source or target is this framework's URN (any loaded version of it). */
export function useFrameworkMappingSets(id: string) {
  return usePaged(frameworkKeys.mappingSets(id), (cursor) =>
    unwrap(
      api.GET('/api/v1/frameworks/{id}/mapping-sets', {
        params: { path: { id }, query: { ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useFramework(id: string) {
  return useQuery({
    queryKey: frameworkKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/frameworks/{id}', { params: { path: { id } } })),
  });
}

/** The whole compact tree; loaded versions never change, so it is kept for the session. */
export function useRequirementTree(id: string) {
  return useQuery({
    queryKey: frameworkKeys.requirements(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/frameworks/{id}/requirements', { params: { path: { id } } }))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The ids of the nodes matching the server-side filters (the text search reads descriptions, which the compact
 * tree leaves out); null while no filter is set. The previous answer stays on screen while the next one loads.
 */
export function useMatchingIds(id: string, filters: RequirementFilters) {
  const active = Boolean(filters.q || filters.implementationGroup || filters.assessable);
  const query = useQuery({
    queryKey: frameworkKeys.requirementsFiltered(id, filters),
    queryFn: async () => {
      const { items } = await unwrap(
        api.GET('/api/v1/frameworks/{id}/requirements', {
          params: {
            path: { id },
            query: {
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.implementationGroup ? { implementationGroup: filters.implementationGroup } : {}),
              ...(filters.assessable ? { assessable: 'true' as const } : {}),
            },
          },
        }),
      );
      return new Set(items.map((item) => item.id));
    },
    enabled: active,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return { matching: active ? (query.data ?? null) : null, isFetching: active && query.isFetching };
}

export function useRequirement(frameworkId: string, nodeId: string | null) {
  return useQuery({
    queryKey: frameworkKeys.requirement(frameworkId, nodeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/frameworks/{id}/requirements/{nodeId}', {
          params: { path: { id: frameworkId, nodeId: nodeId ?? '' } },
        }),
      ),
    enabled: nodeId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDeleteFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/frameworks/{id}', { params: { path: { id } } })),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: frameworkKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: frameworkKeys.lists() });
    },
  });
}

export function useImportLibrary() {
  return useMutation({
    mutationFn: (input: { file: File; format: ImportFormat; frameworkId: string | null }) => {
      const form = new FormData();
      // Fields before the file: the server reads the parts in order and stores the file as it streams.
      form.append('format', input.format);
      if (input.frameworkId) form.append('frameworkId', input.frameworkId);
      form.append('file', input.file, input.file.name);
      // The route reads its multipart body by hand, so the OpenAPI document types no body (`never`); the
      // FormData goes to fetch untouched and the browser writes the multipart boundary.
      return unwrap(api.POST('/api/v1/library/imports', { body: form as never, bodySerializer: () => form }));
    },
  });
}

const finished = (status: JobRun['status'] | undefined) =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

/** A job polled every second until it finishes; then the library list is refreshed once. */
export function useImportRun(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: jobKeys.run(jobId),
    queryFn: async () => {
      const run = await unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId ?? '' } } }));
      if (run.status === 'succeeded') await queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
      return run;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 1000),
  });
}
