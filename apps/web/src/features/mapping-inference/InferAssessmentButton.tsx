// Placeholder while the dialog is being built: the assessments page renders this button in its header.
export function InferAssessmentButton() {
  return null;
}
