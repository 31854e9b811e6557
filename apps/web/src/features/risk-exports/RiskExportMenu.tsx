// Scaffold: export a risk assessment (XLSX, PDF) and import a register from XLSX.
export function RiskExportMenu(_props: { riskAssessmentId: string }) {
  return null;
}
