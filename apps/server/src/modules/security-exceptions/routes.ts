import type { ModuleDefinition } from '../../platform/context.js';
import { type DecisionApi, registerDecisionRecordRoutes } from '../decision-records/index.js';
import {
  createExceptionBody,
  deleteQuery,
  exceptionIdParams,
  listExceptionsQuery,
  securityExceptionPage,
  securityExceptionSchema,
  transitionBody,
  updateExceptionBody,
} from './contracts.js';
import { securityExceptionKind } from './decision-kind.js';
import { createExceptionExpiry } from './expiry.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerExceptionLinkRoutes } from './link-routes.js';
import { createExceptionService } from './service.js';

/** Expiry is a matter of days; a quarter-hour pass keeps it timely at the cost of two indexed queries. */
const EXPIRY_INTERVAL_MS = 15 * 60_000;

const api: DecisionApi = {
  path: '/security-exceptions',
  tag: 'security-exceptions',
  operations: {
    list: {
      operationId: 'listSecurityExceptions',
      description:
        'Security exceptions in the folders the caller may read, one page at a time, with filters on text, ' +
        'state, severity, folder subtree, owner, approver (`me` works for both), `awaitingMe`, and the linked ' +
        'requirement assessment or applied control.',
    },
    get: {
      operationId: 'getSecurityException',
      description: 'One security exception with the requirement assessments and applied controls the caller may read.',
    },
    create: {
      operationId: 'createSecurityException',
      description:
        'Creates a security exception (state draft) in `folderId` (needs security_exception:create there). The ' +
        'owner must be a member who may read security exceptions in that folder, the approver one who holds ' +
        'security_exception:approve there (400 naming the field).',
    },
    update: {
      operationId: 'updateSecurityException',
      description:
        'Changes fields of a security exception in draft or expired (409 otherwise); not its state (POST ' +
        '…/transition). Send the version you loaded (If-Match or `version`); a stale one answers 409.',
    },
    delete: {
      operationId: 'deleteSecurityException',
      description:
        'Deletes a security exception: a draft with security_exception:delete; rejected, resolved or expired ' +
        'with security_exception:approve; in review or approved never (409).',
    },
    transition: {
      operationId: 'transitionSecurityException',
      description:
        'Moves the exception through its lifecycle: draft → in_review and expired → in_review (renewal) with ' +
        'security_exception:update (needs a justification and a future expiry date, else 400 naming each; ' +
        'the named approver re-checked); in_review → draft (withdraw, security_exception:update: to change the ' +
        'exception or its approver); in_review → approved | rejected by the named approver only, holding ' +
        'security_exception:approve in the folder, or anyone holding it when none is named; approved → ' +
        'resolved (security_exception:update or the owner); rejected → draft (security_exception:update; ' +
        'clears the decision). approved → expired is the expiry task’s alone. Another step answers 409 ' +
        '`invalid_transition`; the wrong person 403; a stale version 409. `comment` goes to the audit trail.',
    },
  },
  schemas: {
    idParams: exceptionIdParams,
    listQuery: listExceptionsQuery,
    page: securityExceptionPage,
    record: securityExceptionSchema,
    createBody: createExceptionBody,
    updateBody: updateExceptionBody,
    deleteQuery,
    transitionBody,
  },
};

export const securityExceptionsModule: ModuleDefinition = {
  name: 'security-exceptions',
  answers: folderContentsAnswers,
  register(app, { db, clock, config, jobs, log }) {
    const service = createExceptionService({ db, clock });
    const sweep = createExceptionExpiry({ db, clock, publicUrl: config.publicUrl });
    jobs.addWorkerTask({
      name: 'security_exception.expiry',
      intervalMs: EXPIRY_INTERVAL_MS,
      async run() {
        const result = await sweep();
        if (result.expired + result.reminded > 0) log.info(result, 'security exception expiry sweep');
      },
    });
    registerDecisionRecordRoutes(app, securityExceptionKind, api, { db, clock, service });
    registerExceptionLinkRoutes(app, { db, detail: service.detail });
  },
};
