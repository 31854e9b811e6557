import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import type { Access } from '../access/index.js';
import { createDecisionLinkService } from '../decision-records/index.js';
import {
  acceptanceIdParams,
  type RiskAcceptanceDto,
  riskAcceptanceSchema,
  scenarioLinkBody,
  scenarioLinkParams,
  scenarioSetBody,
} from './contracts.js';
import { riskAcceptanceKind } from './decision-kind.js';

/** `PUT|POST /risk-acceptances/{id}/scenarios`, `DELETE …/scenarios/{scenarioId}`; each answers the acceptance. */
export function registerScenarioLinkRoutes(
  app: TypedApp,
  deps: { db: Database; detail: (access: Access, id: string) => Promise<RiskAcceptanceDto> },
) {
  const { db, detail } = deps;
  const links = createDecisionLinkService(riskAcceptanceKind, { db });
  const tags = ['risk-acceptances'];

  app.put(
    '/risk-acceptances/:id/scenarios',
    {
      schema: {
        operationId: 'setRiskAcceptanceScenarios',
        tags,
        description:
          'Replaces the risk scenarios the acceptance covers (risk_acceptance:update, state created). Every id must ' +
          'be a scenario the caller may read (404 otherwise); linked scenarios the caller cannot read stay.',
        params: acceptanceIdParams,
        body: scenarioSetBody,
        response: { 200: riskAcceptanceSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.replace(access, request.audit, request.params.id, 'scenarios', request.body.riskScenarioIds);
      return detail(access, request.params.id);
    },
  );

  app.post(
    '/risk-acceptances/:id/scenarios',
    {
      schema: {
        operationId: 'addRiskAcceptanceScenario',
        tags,
        description: 'Links one risk scenario the caller may read (404 otherwise); linking it again changes nothing.',
        params: acceptanceIdParams,
        body: scenarioLinkBody,
        response: { 200: riskAcceptanceSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.add(access, request.audit, request.params.id, 'scenarios', request.body.riskScenarioId);
      return detail(access, request.params.id);
    },
  );

  app.delete(
    '/risk-acceptances/:id/scenarios/:scenarioId',
    {
      schema: {
        operationId: 'removeRiskAcceptanceScenario',
        tags,
        description: 'Unlinks one risk scenario (404 when it is not linked or the caller cannot read it).',
        params: scenarioLinkParams,
        response: { 200: riskAcceptanceSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.remove(access, request.audit, request.params.id, 'scenarios', request.params.scenarioId);
      return detail(access, request.params.id);
    },
  );
}
