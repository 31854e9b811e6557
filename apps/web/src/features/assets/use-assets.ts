import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { paths } from '../../app/api/schema';
import { usePaged } from '../../app/api/use-paged';
import { assetKeys } from './keys';

export type Asset = paths['/api/v1/assets/{id}']['get']['responses'][200]['content']['application/json'];
export type AssetSummary =
  paths['/api/v1/assets']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreateAssetBody = NonNullable<
  paths['/api/v1/assets']['post']['requestBody']
>['content']['application/json'];
export type UpdateAssetBody = NonNullable<
  paths['/api/v1/assets/{id}']['patch']['requestBody']
>['content']['application/json'];
export type AssetSettings = paths['/api/v1/asset-settings']['get']['responses'][200]['content']['application/json'];
export type UpdateAssetSettingsBody = NonNullable<
  paths['/api/v1/asset-settings']['put']['requestBody']
>['content']['application/json'];
export type ImportResult = paths['/api/v1/assets/import']['post']['responses'][200]['content']['application/json'];
type ListQuery = NonNullable<paths['/api/v1/assets']['get']['parameters']['query']>;
export type ObjectiveKey = AssetSettings['allObjectives'][number];

export const assetTypes = ['primary', 'supporting'] as const;
export const primaryCategories = ['business_process', 'information'] as const;
export const supportingCategories = [
  'system',
  'application',
  'service',
  'hardware',
  'network',
  'location',
  'people',
  'organization',
  'other',
] as const;
export const assetCategories = [...primaryCategories, ...supportingCategories] as const;
export const categoriesOf = (type: string | null) =>
  type === 'primary' ? primaryCategories : type === 'supporting' ? supportingCategories : assetCategories;

export type AssetFilters = Pick<ListQuery, 'q' | 'type' | 'category' | 'folderId' | 'tag'>;

export function useAssets(filters: AssetFilters) {
  return usePaged(assetKeys.list(filters), (cursor) =>
    unwrap(api.GET('/api/v1/assets', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
  );
}

export function useAsset(id: string) {
  return useQuery({
    queryKey: assetKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/assets/{id}', { params: { path: { id } } })),
  });
}

/** Assets matching a search, for the dependency pickers (the server filters). */
export function useAssetSearch(q: string) {
  return useQuery({
    queryKey: assetKeys.search(q),
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/assets', { params: { query: { ...(q ? { q } : {}), limit: 30 } } }))).items,
  });
}

export function useAssetSettings() {
  return useQuery({
    queryKey: assetKeys.settings,
    queryFn: () => unwrap(api.GET('/api/v1/asset-settings')),
    staleTime: 60_000,
  });
}

export function useUpdateAssetSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAssetSettingsBody) => unwrap(api.PUT('/api/v1/asset-settings', { body })),
    onSuccess: (settings) => queryClient.setQueryData(assetKeys.settings, settings),
  });
}

/**
 * Every write answers the asset as GET does: put it in the cache and refresh lists and the other assets (an edge
 * or an objective changes what its neighbours show).
 */
function useAssetMutation<V>(fn: (variables: V) => Promise<Asset | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (asset) => {
      await queryClient.invalidateQueries({ queryKey: assetKeys.all });
      if (asset) queryClient.setQueryData(assetKeys.detail(asset.id), asset);
    },
  });
}

export const useCreateAsset = () =>
  useAssetMutation((body: CreateAssetBody) => unwrap(api.POST('/api/v1/assets', { body })));

export const useUpdateAsset = () =>
  useAssetMutation(({ id, ...body }: UpdateAssetBody & { id: string }) =>
    unwrap(api.PATCH('/api/v1/assets/{id}', { params: { path: { id } }, body })),
  );

export function useDeleteAsset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.DELETE('/api/v1/assets/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetKeys.lists() }),
  });
}

/** "supporting supports supported": the edge is always written from the supporting asset's side. */
export const useAddSupport = () =>
  useAssetMutation(({ supportingId, supportedId }: { supportingId: string; supportedId: string }) =>
    unwrap(
      api.POST('/api/v1/assets/{id}/supports', {
        params: { path: { id: supportingId } },
        body: { supportedAssetId: supportedId },
      }),
    ),
  );

export const useRemoveSupport = () =>
  useAssetMutation(({ supportingId, supportedId }: { supportingId: string; supportedId: string }) =>
    unwrap(
      api.DELETE('/api/v1/assets/{id}/supports/{targetId}', {
        params: { path: { id: supportingId, targetId: supportedId } },
      }),
    ),
  );

/** Sends the file; `dryRun` answers the preview with its problems. A real import refreshes every asset query. */
export function useAssetImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean; folderId: string | null }) => {
      const form = new FormData();
      if (input.folderId) form.append('folderId', input.folderId);
      form.append('file', input.file, input.file.name);
      // The route reads its multipart body by hand, so the OpenAPI document types no body.
      return unwrap(
        api.POST('/api/v1/assets/import', {
          params: { query: { dryRun: input.dryRun ? 'true' : 'false' } },
          body: form as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: async (_result, input) => {
      if (!input.dryRun) await queryClient.invalidateQueries({ queryKey: assetKeys.all });
    },
  });
}

/** Downloads the inventory through the API client (session and organisation header go with it). */
export async function downloadAssets(format: 'csv' | 'xlsx') {
  const result = await api.GET('/api/v1/assets/export', { params: { query: { format } }, parseAs: 'blob' });
  if (!result.response.ok) throw new Error(`HTTP ${result.response.status}`);
  const url = URL.createObjectURL(result.data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `assets.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The name of a level on the scale, or its number when the scale no longer has it. */
export const levelName = (settings: AssetSettings | undefined, level: number | null | undefined) =>
  level === null || level === undefined
    ? null
    : (settings?.objectiveScale.find((l) => l.level === level)?.name ?? String(level));
