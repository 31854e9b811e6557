// Scaffold: the security exceptions linked to one requirement assessment, shown in the assessment side panel.
export function RequirementExceptions(_props: { requirementAssessmentId: string }) {
  return null;
}
