/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of evidence: invalidate `all` or `lists()` from any feature that changes it. */
export const evidenceKeys = {
  all: ['evidence'] as const,
  lists: () => [...evidenceKeys.all, 'list'] as const,
  list: (filters: object) => [...evidenceKeys.lists(), filters] as const,
  /** Under `lists()`, so a new or changed piece of evidence refreshes the pickers too. */
  search: (q: string) => [...evidenceKeys.lists(), 'search', q] as const,
  detail: (id: MaybeId) => [...evidenceKeys.all, id] as const,
  revisions: (id: MaybeId) => [...evidenceKeys.detail(id), 'revisions'] as const,
};
