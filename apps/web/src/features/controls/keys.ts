/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of applied controls: invalidate `all` or `lists()` from any feature that changes them. */
export const controlKeys = {
  all: ['applied-controls'] as const,
  lists: () => [...controlKeys.all, 'list'] as const,
  list: (filters: object) => [...controlKeys.lists(), filters] as const,
  detail: (id: MaybeId) => [...controlKeys.all, id] as const,
};
