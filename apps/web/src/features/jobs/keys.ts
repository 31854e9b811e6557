/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of background jobs: the list by status, and one run followed while it works. */
export const jobKeys = {
  all: ['jobs'] as const,
  list: (status: string | null) => [...jobKeys.all, status] as const,
  run: (jobId: MaybeId) => [...jobKeys.all, 'run', jobId] as const,
};
