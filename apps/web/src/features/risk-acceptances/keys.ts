/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of risk acceptances. */
export const riskAcceptanceKeys = {
  all: ['riskAcceptances'] as const,
  lists: () => [...riskAcceptanceKeys.all, 'list'] as const,
  list: (filters: object) => [...riskAcceptanceKeys.lists(), filters] as const,
  detail: (id: MaybeId) => [...riskAcceptanceKeys.all, id] as const,
};
