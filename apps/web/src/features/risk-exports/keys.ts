import { riskAssessmentKeys } from '../risk-assessments/keys';

/** Query keys of a risk assessment's exports: under the assessment's own key, so refreshing it refreshes them. */
export const riskExportKeys = {
  ofAssessment: (riskAssessmentId: string) => [...riskAssessmentKeys.detail(riskAssessmentId), 'risk-exports'] as const,
};
