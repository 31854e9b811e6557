import { z } from 'zod';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { accessFor } from '../access/index.js';
import { auditContextOf } from '../audit/index.js';
import {
  acceptanceIdParams,
  createAcceptanceBody,
  deleteQuery,
  listAcceptancesQuery,
  riskAcceptancePage,
  riskAcceptanceSchema,
  updateAcceptanceBody,
} from './contracts.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerScenarioLinkRoutes } from './link-routes.js';
import { createAcceptanceReminders } from './reminders.js';
import { createAcceptanceService } from './service.js';
import { registerAcceptanceTransitionRoute } from './transition-routes.js';

/** Expiry is a matter of days; a quarter-hour pass keeps reminders timely at the cost of one indexed query. */
const REMINDER_INTERVAL_MS = 15 * 60_000;

export const riskAcceptancesModule: ModuleDefinition = {
  name: 'risk-acceptances',
  answers: folderContentsAnswers,
  register(app, { db, clock, config, jobs, log }) {
    const service = createAcceptanceService({ db, clock });
    const remind = createAcceptanceReminders({ db, clock, publicUrl: config.publicUrl });
    jobs.addWorkerTask({
      name: 'risk_acceptance.reminders',
      intervalMs: REMINDER_INTERVAL_MS,
      async run() {
        const result = await remind();
        if (result.expiring + result.expired > 0) log.info(result, 'risk acceptance reminders');
      },
    });
    const tags = ['risk-acceptances'];

    app.get(
      '/risk-acceptances',
      {
        schema: {
          operationId: 'listRiskAcceptances',
          tags,
          description:
            'Risk acceptances in the folders the caller may read, one page at a time. `approverId=me` or ' +
            '`awaitingMe=true` (submitted, waiting for the caller) list pending decisions; `inForce` and ' +
            '`expiringWithinDays` use today by the server clock (UTC).',
          querystring: listAcceptancesQuery,
          response: { 200: riskAcceptancePage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await accessFor(db, requireOrgCaller(request)), {
          ...query,
          cursor: decodeCursor(cursor),
        });
      },
    );

    app.get(
      '/risk-acceptances/:id',
      {
        schema: {
          operationId: 'getRiskAcceptance',
          tags,
          description: 'One risk acceptance with the scenarios it covers that the caller may read.',
          params: acceptanceIdParams,
          response: { 200: riskAcceptanceSchema },
        },
      },
      async (request) => service.detail(await accessFor(db, requireOrgCaller(request)), request.params.id),
    );

    app.post(
      '/risk-acceptances',
      {
        schema: {
          operationId: 'createRiskAcceptance',
          tags,
          description:
            'Creates a risk acceptance (state created) in `folderId` (needs risk_acceptance:create there). The ' +
            'approver must be a member who holds risk_acceptance:approve in that folder (400 naming approverId).',
          body: createAcceptanceBody,
          response: { 201: riskAcceptanceSchema },
        },
      },
      async (request, reply) => {
        const access = await accessFor(db, requireOrgCaller(request));
        return reply.status(201).send(await service.create(access, auditContextOf(request), request.body));
      },
    );

    app.patch(
      '/risk-acceptances/:id',
      {
        schema: {
          operationId: 'updateRiskAcceptance',
          tags,
          description:
            'Changes fields of a risk acceptance in state created (409 in any other state); not its state ' +
            '(POST …/transition). Send the version you loaded (If-Match or `version`); a stale one answers 409.',
          params: acceptanceIdParams,
          body: updateAcceptanceBody,
          response: { 200: riskAcceptanceSchema },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return service.update(
          await accessFor(db, requireOrgCaller(request)),
          auditContextOf(request),
          request.params.id,
          expectedVersion(request, version),
          changes,
        );
      },
    );

    app.delete(
      '/risk-acceptances/:id',
      {
        schema: {
          operationId: 'deleteRiskAcceptance',
          tags,
          description:
            'Deletes a risk acceptance: in state created with risk_acceptance:delete; rejected or revoked with ' +
            'risk_acceptance:approve; submitted or accepted never (409: withdraw or revoke it first).',
          params: acceptanceIdParams,
          querystring: deleteQuery,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.remove(
          await accessFor(db, requireOrgCaller(request)),
          auditContextOf(request),
          request.params.id,
          expectedVersion(request, request.query.version),
        );
        return reply.status(204).send(null);
      },
    );

    registerAcceptanceTransitionRoute(app, { db, clock, detail: service.detail });
    registerScenarioLinkRoutes(app, { db, detail: service.detail });
  },
};
