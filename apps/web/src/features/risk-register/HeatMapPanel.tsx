// Scaffold: the inherent / current / residual heat maps of one risk assessment, side by side.
export function HeatMapPanel(_props: { riskAssessmentId: string }) {
  return null;
}
