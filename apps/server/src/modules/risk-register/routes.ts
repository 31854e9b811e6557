import type { ModuleDefinition } from '../../platform/context.js';
import { heatMapSchema, riskAssessmentIdParams, treatmentPlanSchema } from './contracts.js';
import { registerFilterRoutes } from './filter-routes.js';
import { createRiskRegisterService } from './service.js';

/** Read-only views over the risk register (heat maps, treatment plan) and each user's saved register filters. */
export const riskRegisterModule: ModuleDefinition = {
  name: 'risk-register',
  register(app, { db, clock }) {
    const service = createRiskRegisterService({ db, clock });
    const tags = ['risk-register'];

    app.get(
      '/risk-assessments/:id/heat-map',
      {
        schema: {
          operationId: 'getRiskAssessmentHeatMap',
          tags,
          description:
            'Counts of the assessment’s scenarios per [probability][impact] cell of its matrix for the inherent, ' +
            'current and residual ratings, unrated scenarios apart, counts per risk level, and how many scenarios ' +
            'are flagged (current level above tolerance with no acceptance in force today). Only scenarios the ' +
            'caller may read (risk_scenario:read) are counted: without it, every count is 0.',
          params: riskAssessmentIdParams,
          response: { 200: heatMapSchema },
        },
      },
      async (request) => service.heatMap(await request.access(), request.params.id),
    );

    app.get(
      '/risk-assessments/:id/treatment-plan',
      {
        schema: {
          operationId: 'getRiskAssessmentTreatmentPlan',
          tags,
          description:
            'The applied controls planned for the assessment’s scenarios, by ETA (none last), each with its ' +
            'owners, whether it is overdue and the scenarios it treats; and the gaps: scenarios to mitigate with no ' +
            'planned control. Only scenarios the caller may read (risk_scenario:read) and controls in folders where ' +
            'they hold applied_control:read are listed.',
          params: riskAssessmentIdParams,
          response: { 200: treatmentPlanSchema },
        },
      },
      async (request) => service.treatmentPlan(await request.access(), request.params.id),
    );

    registerFilterRoutes(app, { db, service });
  },
};
