import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { evidenceKeys } from '../evidence/keys';
import { frameworkKeys } from '../library/keys';
import { controlKeys } from './keys';

export type AppliedControl =
  paths['/api/v1/applied-controls/{id}']['get']['responses'][200]['content']['application/json'];
export type AppliedControlSummary =
  paths['/api/v1/applied-controls']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateControlBody = NonNullable<
  paths['/api/v1/applied-controls']['post']['requestBody']
>['content']['application/json'];
export type UpdateControlBody = NonNullable<
  paths['/api/v1/applied-controls/{id}']['patch']['requestBody']
>['content']['application/json'];
type ListQuery = NonNullable<paths['/api/v1/applied-controls']['get']['parameters']['query']>;

export const controlStatuses = ['to_do', 'in_progress', 'on_hold', 'active', 'degraded', 'deprecated'] as const;
export const controlCategories = ['policy', 'process', 'procedure', 'technical', 'physical'] as const;
export const csfFunctions = ['govern', 'identify', 'protect', 'detect', 'respond', 'recover'] as const;
export const effortSizes = ['XS', 'S', 'M', 'L', 'XL'] as const;

export const statusColor: Record<AppliedControl['status'], string> = {
  // Plain colours, not theme names: a light badge caps its text at shade 6, under 4.5:1 for most hues.
  to_do: '#495057',
  in_progress: '#1864ab',
  on_hold: '#7a5600',
  active: '#1f6b2f',
  degraded: '#a13d00',
  deprecated: '#343a40',
};

export type ControlFilters = Pick<ListQuery, 'q' | 'status' | 'category' | 'csfFunction' | 'evidenceId'>;

export function useControls(filters: ControlFilters) {
  return usePaged(controlKeys.list(filters), (cursor) =>
    unwrap(
      api.GET('/api/v1/applied-controls', {
        params: { query: { ...filters, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
}

export function useControl(id: string) {
  return useQuery({
    queryKey: controlKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/applied-controls/{id}', { params: { path: { id } } })),
  });
}

/** Every write answers the control as GET does: put it in the cache and refresh the lists. */
function useControlMutation<V>(fn: (variables: V) => Promise<AppliedControl | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (control) => {
      if (control) queryClient.setQueryData(controlKeys.detail(control.id), control);
      return queryClient.invalidateQueries({ queryKey: controlKeys.lists() });
    },
  });
}

export const useCreateControl = () =>
  useControlMutation((body: CreateControlBody) => unwrap(api.POST('/api/v1/applied-controls', { body })));

export const useUpdateControl = () =>
  useControlMutation(({ id, ...body }: UpdateControlBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/applied-controls/{id}', { params: { path: { id } }, body })),
  );

export function useDeleteControl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/applied-controls/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controlKeys.lists() }),
  });
}

export const useLinkRequirement = () =>
  useControlMutation(({ id, requirementNodeId }: { id: string; requirementNodeId: string }) =>
    unwrap(
      api.POST('/api/v1/applied-controls/{id}/requirements', { params: { path: { id } }, body: { requirementNodeId } }),
    ),
  );

export const useUnlinkRequirement = () =>
  useControlMutation(({ id, targetId }: { id: string; targetId: string }) =>
    unwrap(api.DELETE('/api/v1/applied-controls/{id}/requirements/{targetId}', { params: { path: { id, targetId } } })),
  );

export function useLinkEvidence() {
  const queryClient = useQueryClient();
  return useControlMutation(async ({ id, evidenceId }: { id: string; evidenceId: string }) => {
    const control = await unwrap(
      api.POST('/api/v1/applied-controls/{id}/evidence', { params: { path: { id } }, body: { evidenceId } }),
    );
    await queryClient.invalidateQueries({ queryKey: evidenceKeys.lists() });
    return control;
  });
}

export const useUnlinkEvidence = () =>
  useControlMutation(({ id, targetId }: { id: string; targetId: string }) =>
    unwrap(api.DELETE('/api/v1/applied-controls/{id}/evidence/{targetId}', { params: { path: { id, targetId } } })),
  );

/** Requirements of one framework matching a search, for the link picker (the server filters). */
export function useRequirementSearch(frameworkId: string | null, q: string) {
  return useQuery({
    queryKey: frameworkKeys.requirementSearch(frameworkId, q),
    enabled: frameworkId !== null,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/frameworks/{id}/requirements', {
            params: { path: { id: frameworkId ?? '' }, query: { ...(q ? { q } : {}), assessable: 'true' } },
          }),
        )
      ).items.slice(0, 50),
  });
}

/** Every framework the organisation can see (library and imported), for the framework picker. */
export function useFrameworkOptions() {
  return useQuery({
    queryKey: frameworkKeys.options(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/frameworks', { params: { query: { limit: 200 } } }))).items,
    staleTime: 60_000,
  });
}
