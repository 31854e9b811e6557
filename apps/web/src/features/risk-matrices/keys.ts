/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of risk matrices. */
export const riskMatrixKeys = {
  all: ['risk-matrices'] as const,
  lists: () => [...riskMatrixKeys.all, 'list'] as const,
  list: (filters: object) => [...riskMatrixKeys.lists(), filters] as const,
  builtin: () => [...riskMatrixKeys.lists(), 'builtin'] as const,
  definitions: () => [...riskMatrixKeys.lists(), 'definitions'] as const,
  options: (allRevisions: boolean) => [...riskMatrixKeys.all, 'options', allRevisions] as const,
  detail: (id: MaybeId) => [...riskMatrixKeys.all, id] as const,
  revisions: (id: MaybeId) => [...riskMatrixKeys.detail(id), 'revisions'] as const,
};
