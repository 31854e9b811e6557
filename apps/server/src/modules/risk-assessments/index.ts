// The public face of the risk-assessments module: what other modules may use (see docs/ARCHITECTURE.md).
export { ratingsOf } from './rating.js';
export type { RiskAssessmentStatus } from './status.js';
export { requireUnlocked } from './status.js';
export {
  riskAssessmentPeople,
  riskAssessments,
  riskRegisterFilters,
  riskScenarioAssets,
  riskScenarioControls,
  riskScenarios,
  riskScenarioThreats,
  riskTreatments,
  strengthOfKnowledgeValues,
} from './tables.js';
