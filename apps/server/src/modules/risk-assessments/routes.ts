import type { ModuleDefinition } from '../../platform/context.js';
import { registerAssessmentRoutes } from './assessment-routes.js';
import './folder-usage.js';
import { registerScenarioRoutes } from './scenario-routes.js';

export const riskAssessmentsModule: ModuleDefinition = {
  name: 'risk-assessments',
  register(app, { db, clock }) {
    registerAssessmentRoutes(app, { db, clock });
    registerScenarioRoutes(app, { db, clock });
  },
};
