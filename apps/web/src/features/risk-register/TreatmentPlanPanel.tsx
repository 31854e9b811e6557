// Scaffold: the treatment plan of one risk assessment (planned controls with ETA and status).
export function TreatmentPlanPanel(_props: { riskAssessmentId: string }) {
  return null;
}
