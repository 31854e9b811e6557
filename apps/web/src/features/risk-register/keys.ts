/** Query keys of the risk register's own reads: saved filters, heat map, treatment plan. */
export const riskRegisterKeys = {
  all: ['risk-register'] as const,
  savedFilters: () => [...riskRegisterKeys.all, 'filters'] as const,
  heatMap: (riskAssessmentId: string | null | undefined) =>
    [...riskRegisterKeys.all, 'heat-map', riskAssessmentId] as const,
  treatmentPlan: (riskAssessmentId: string | null | undefined) =>
    [...riskRegisterKeys.all, 'treatment-plan', riskAssessmentId] as const,
};
