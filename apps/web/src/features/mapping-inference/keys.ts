/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of mapping inference: which frameworks an assessment's results can be inferred from. */
export const inferenceKeys = {
  all: ['mapping-inference'] as const,
  reachable: (frameworkId: MaybeId) => [...inferenceKeys.all, 'reachable', frameworkId] as const,
};
