// The public face of the assessments module: what other modules may use (see docs/ARCHITECTURE.md).
export { insertAssessment } from './creation.js';
export type { InferenceTrace, RequirementResult } from './tables.js';
export {
  assessmentStatuses,
  complianceAssessments,
  requirementAssessmentControls,
  requirementAssessmentEvidence,
  requirementAssessmentStatuses,
  requirementAssessments,
  requirementResults,
} from './tables.js';
