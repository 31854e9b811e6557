import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** The query keys of a decision kind the shared mutations touch. */
export interface DecisionKeys {
  lists: () => QueryKey;
  detail: (id: string) => QueryKey;
}

/**
 * A change of a decision record: the answer is the record itself, put in the cache of its page; the lists are
 * refreshed, and whatever else the kind says depends on it (`alsoRefresh`: scenarios flagged or not).
 */
export function useDecisionMutation<R extends { id: string }, V>(
  keys: DecisionKeys,
  fn: (variables: V) => Promise<R>,
  alsoRefresh?: (queryClient: QueryClient) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (record) => {
      queryClient.setQueryData(keys.detail(record.id), record);
      await Promise.all([queryClient.invalidateQueries({ queryKey: keys.lists() }), alsoRefresh?.(queryClient)]);
    },
  });
}

/** Deletes a decision record (with the version read); the lists and what depends on the kind are refreshed. */
export function useDeleteDecision(
  keys: DecisionKeys,
  fn: (variables: { id: string; version: number }) => Promise<unknown>,
  alsoRefresh?: (queryClient: QueryClient) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: keys.lists() }), alsoRefresh?.(queryClient)]),
  });
}
