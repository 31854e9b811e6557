/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of findings, of findings assessments (audits, pentests) and of the SLA settings. */
export const findingKeys = {
  all: ['findings'] as const,
  lists: () => [...findingKeys.all, 'list'] as const,
  list: (filters: object) => [...findingKeys.lists(), filters] as const,
  linkSearch: (kind: string, q: string) => [...findingKeys.all, 'link-search', kind, q] as const,
  detail: (id: MaybeId) => [...findingKeys.all, id] as const,
  slas: ['finding-slas'] as const,
};

export const findingsAssessmentKeys = {
  all: ['findings-assessments'] as const,
  lists: () => [...findingsAssessmentKeys.all, 'list'] as const,
  list: (filters: object) => [...findingsAssessmentKeys.lists(), filters] as const,
  options: () => [...findingsAssessmentKeys.all, 'options'] as const,
  detail: (id: MaybeId) => [...findingsAssessmentKeys.all, id] as const,
};
