import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { deleteQuery, idParams } from './contracts.js';
import { registerScenarioLinkRoutes } from './link-routes.js';
import {
  createScenarioBody,
  listScenariosQuery,
  riskScenarioPage,
  riskScenarioSchema,
  updateScenarioBody,
} from './scenario-contracts.js';
import { createScenarioService } from './scenario-service.js';

export function registerScenarioRoutes(app: TypedApp, { db, clock }: Pick<AppContext, 'db' | 'clock'>) {
  const service = createScenarioService({ db, clock });
  const tags = ['risk-scenarios'];

  app.get(
    '/risk-scenarios',
    {
      schema: {
        operationId: 'listRiskScenarios',
        tags,
        description:
          'The risk register: scenarios in the folders the caller may read, one page at a time. Filters on ' +
          'assessment, folder subtree, treatment, owner, linked asset/threat/control, flagged (current level above ' +
          'the tolerance and no acceptance in force), and a cell of one rating (`ratingKind` with probability, ' +
          'impact, level).',
        querystring: listScenariosQuery,
        response: { 200: riskScenarioPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/risk-scenarios/:id',
    {
      schema: {
        operationId: 'getRiskScenario',
        tags,
        description:
          'One risk scenario with its texts, linked threats, assets, existing and planned controls (those the ' +
          'caller may read) and the acceptances covering it.',
        params: idParams,
        response: { 200: riskScenarioSchema },
      },
    },
    async (request) => {
      return service.detail(await request.access(), request.params.id);
    },
  );

  app.post(
    '/risk-scenarios',
    {
      schema: {
        operationId: 'createRiskScenario',
        tags,
        description:
          'Creates a scenario in a risk assessment (in its folder; needs risk_scenario:create there). Ratings are ' +
          'indexes into the assessment’s matrix scales; levels are computed and stored. 409 when the assessment is ' +
          'locked.',
        body: createScenarioBody,
        response: { 201: riskScenarioSchema },
      },
    },
    async (request, reply) => {
      const created = await service.create(await request.access(), request.audit, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/risk-scenarios/:id',
    {
      schema: {
        operationId: 'updateRiskScenario',
        tags,
        description:
          'Changes fields of a scenario. Ratings are partial (`{ current: { impact: 2 } }`); an index outside the ' +
          'matrix scale answers 400 naming it (`body.current.impact`). Send the version (409 when stale); 409 ' +
          '`risk_assessment_locked` when its assessment is done or deprecated.',
        params: idParams,
        body: updateScenarioBody,
        response: { 200: riskScenarioSchema },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return service.update(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, version),
        changes,
      );
    },
  );

  app.delete(
    '/risk-scenarios/:id',
    {
      schema: {
        operationId: 'deleteRiskScenario',
        tags,
        description:
          'Deletes a scenario (needs risk_scenario:delete). 409 when its assessment is locked, when an accepted ' +
          'acceptance covers it, or when the version is stale.',
        params: idParams,
        querystring: deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.remove(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, request.query.version),
      );
      return reply.status(204).send(null);
    },
  );

  registerScenarioLinkRoutes(app, { db, detail: service.detail });
}
