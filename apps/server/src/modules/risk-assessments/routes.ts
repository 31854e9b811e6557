import type { ModuleDefinition } from '../../platform/context.js';
import { registerAssessmentRoutes } from './assessment-routes.js';
import { registerScenarioRoutes } from './scenario-routes.js';
import { riskAssessmentAnswers } from './usage-answers.js';

export const riskAssessmentsModule: ModuleDefinition = {
  name: 'risk-assessments',
  answers: riskAssessmentAnswers,
  register(app, { db, clock }) {
    registerAssessmentRoutes(app, { db, clock });
    registerScenarioRoutes(app, { db, clock });
  },
};
