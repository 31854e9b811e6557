/** An id that may not be known yet: the key of a query kept disabled until it is. */
type MaybeId = string | null | undefined;

/** Query keys of compliance assessments and their requirement assessments. */
export const assessmentKeys = {
  all: ['assessments'] as const,
  lists: () => [...assessmentKeys.all, 'list'] as const,
  list: (filters: object) => [...assessmentKeys.lists(), filters] as const,
  linkCandidates: (kind: string, q: string) => [...assessmentKeys.all, 'link-candidates', kind, q] as const,
  detail: (id: MaybeId) => [...assessmentKeys.all, id] as const,
  requirements: (id: MaybeId) => [...assessmentKeys.detail(id), 'requirements'] as const,
  compare: (id: MaybeId, otherId: MaybeId) => [...assessmentKeys.detail(id), 'compare', otherId] as const,
  upgradeTargets: (id: MaybeId) => [...assessmentKeys.detail(id), 'upgrade-targets'] as const,
  upgradePreview: (id: MaybeId, frameworkId: MaybeId) =>
    [...assessmentKeys.detail(id), 'upgrade-preview', frameworkId] as const,
};

export const requirementAssessmentKeys = {
  all: ['requirement-assessments'] as const,
  detail: (id: MaybeId) => [...requirementAssessmentKeys.all, id] as const,
};
