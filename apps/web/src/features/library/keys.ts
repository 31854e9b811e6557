/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of library frameworks (and what hangs under one: requirements, mapping sets). */
export const frameworkKeys = {
  all: ['frameworks'] as const,
  lists: () => [...frameworkKeys.all, 'list'] as const,
  list: (filters: object) => [...frameworkKeys.lists(), filters] as const,
  options: () => [...frameworkKeys.all, 'options'] as const,
  detail: (id: MaybeId) => [...frameworkKeys.all, id] as const,
  requirements: (id: MaybeId) => [...frameworkKeys.detail(id), 'requirements'] as const,
  requirementsFiltered: (id: MaybeId, filters: object) => [...frameworkKeys.requirements(id), filters] as const,
  requirementSearch: (id: MaybeId, q: string) => [...frameworkKeys.requirements(id), 'search', q] as const,
  requirement: (id: MaybeId, nodeId: MaybeId) => [...frameworkKeys.detail(id), 'requirement', nodeId] as const,
  mappingSets: (id: MaybeId) => [...frameworkKeys.detail(id), 'mapping-sets'] as const,
};
