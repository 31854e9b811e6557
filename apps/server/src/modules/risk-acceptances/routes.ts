import type { ModuleDefinition } from '../../platform/context.js';
import { type DecisionApi, registerDecisionRecordRoutes } from '../decision-records/index.js';
import {
  acceptanceIdParams,
  createAcceptanceBody,
  deleteQuery,
  listAcceptancesQuery,
  riskAcceptancePage,
  riskAcceptanceSchema,
  transitionBody,
  updateAcceptanceBody,
} from './contracts.js';
import { riskAcceptanceKind } from './decision-kind.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerScenarioLinkRoutes } from './link-routes.js';
import { createAcceptanceReminders } from './reminders.js';
import { createAcceptanceService } from './service.js';

/** Expiry is a matter of days; a quarter-hour pass keeps reminders timely at the cost of one indexed query. */
const REMINDER_INTERVAL_MS = 15 * 60_000;

const api: DecisionApi = {
  path: '/risk-acceptances',
  tag: 'risk-acceptances',
  operations: {
    list: {
      operationId: 'listRiskAcceptances',
      description:
        'Risk acceptances in the folders the caller may read, one page at a time. `approverId=me` or ' +
        '`awaitingMe=true` (submitted, waiting for the caller) list pending decisions; `inForce` and ' +
        '`expiringWithinDays` use today by the server clock (UTC).',
    },
    get: {
      operationId: 'getRiskAcceptance',
      description: 'One risk acceptance with the scenarios it covers that the caller may read.',
    },
    create: {
      operationId: 'createRiskAcceptance',
      description:
        'Creates a risk acceptance (state created) in `folderId` (needs risk_acceptance:create there). The ' +
        'approver must be a member who holds risk_acceptance:approve in that folder (400 naming approverId).',
    },
    update: {
      operationId: 'updateRiskAcceptance',
      description:
        'Changes fields of a risk acceptance in state created (409 in any other state); not its state ' +
        '(POST …/transition). Send the version you loaded (If-Match or `version`); a stale one answers 409.',
    },
    delete: {
      operationId: 'deleteRiskAcceptance',
      description:
        'Deletes a risk acceptance: in state created with risk_acceptance:delete; rejected or revoked with ' +
        'risk_acceptance:approve; submitted or accepted never (409: withdraw or revoke it first).',
    },
    transition: {
      operationId: 'transitionRiskAcceptance',
      description:
        'Moves the acceptance through its lifecycle: created → submitted (risk_acceptance:update; needs an ' +
        'approver, a future expiry date, a justification and a scenario, else 400 naming each), submitted → ' +
        'created (withdraw, risk_acceptance:update), submitted → accepted | rejected (only the named approver), ' +
        'accepted → revoked (the approver or risk_acceptance:approve). Another step answers 409 ' +
        '`invalid_transition`; the wrong person 403; a stale version 409. `comment` goes to the audit trail.',
    },
  },
  schemas: {
    idParams: acceptanceIdParams,
    listQuery: listAcceptancesQuery,
    page: riskAcceptancePage,
    record: riskAcceptanceSchema,
    createBody: createAcceptanceBody,
    updateBody: updateAcceptanceBody,
    deleteQuery,
    transitionBody,
  },
};

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
    registerDecisionRecordRoutes(app, riskAcceptanceKind, api, { db, clock, service });
    registerScenarioLinkRoutes(app, { db, detail: service.detail });
  },
};
