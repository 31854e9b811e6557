/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of risk assessments and of their scenarios (whose list is also the risk register's). */
export const riskAssessmentKeys = {
  all: ['risk-assessments'] as const,
  lists: () => [...riskAssessmentKeys.all, 'list'] as const,
  list: (filters: object) => [...riskAssessmentKeys.lists(), filters] as const,
  options: () => [...riskAssessmentKeys.all, 'options'] as const,
  detail: (id: MaybeId) => [...riskAssessmentKeys.all, id] as const,
};

export const riskScenarioKeys = {
  all: ['risk-scenarios'] as const,
  lists: () => [...riskScenarioKeys.all, 'list'] as const,
  list: (filters: object) => [...riskScenarioKeys.lists(), filters] as const,
  search: (q: string) => [...riskScenarioKeys.all, 'search', q] as const,
  linkCandidates: (kind: string, q: string) => [...riskScenarioKeys.all, 'link-candidates', kind, q] as const,
  detail: (id: MaybeId) => [...riskScenarioKeys.all, id] as const,
};
