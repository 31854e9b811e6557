/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of assets and of the organisation's asset settings (objective scales). */
export const assetKeys = {
  all: ['assets'] as const,
  lists: () => [...assetKeys.all, 'list'] as const,
  list: (filters: object) => [...assetKeys.lists(), filters] as const,
  search: (q: string) => [...assetKeys.all, 'search', q] as const,
  detail: (id: MaybeId) => [...assetKeys.all, id] as const,
  settings: ['asset-settings'] as const,
};
