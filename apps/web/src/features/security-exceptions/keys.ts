/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of security exceptions and of the pickers their form uses. */
export const securityExceptionKeys = {
  all: ['securityExceptions'] as const,
  lists: () => [...securityExceptionKeys.all, 'list'] as const,
  list: (filters: object) => [...securityExceptionKeys.lists(), filters] as const,
  assessmentRequirements: (assessmentId: string | null | undefined) =>
    [...securityExceptionKeys.all, 'assessmentRequirements', assessmentId] as const,
  assessmentSearch: (q: string) => [...securityExceptionKeys.all, 'assessmentSearch', q] as const,
  controlSearch: (q: string) => [...securityExceptionKeys.all, 'controlSearch', q] as const,
  detail: (id: MaybeId) => [...securityExceptionKeys.all, id] as const,
};
