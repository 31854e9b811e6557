import { z } from 'zod';
import { requireOrgCaller } from '../../platform/auth/caller.js';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { accessFor } from '../access/index.js';
import { auditContextOf } from '../audit/index.js';
import {
  createExceptionBody,
  deleteQuery,
  exceptionIdParams,
  listExceptionsQuery,
  securityExceptionPage,
  securityExceptionSchema,
  updateExceptionBody,
} from './contracts.js';
import { createExceptionExpiry } from './expiry.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerExceptionLinkRoutes } from './link-routes.js';
import { createExceptionService } from './service.js';
import { registerExceptionTransitionRoute } from './transition-routes.js';

/** Expiry is a matter of days; a quarter-hour pass keeps it timely at the cost of two indexed queries. */
const EXPIRY_INTERVAL_MS = 15 * 60_000;

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
    const tags = ['security-exceptions'];

    app.get(
      '/security-exceptions',
      {
        schema: {
          operationId: 'listSecurityExceptions',
          tags,
          description:
            'Security exceptions in the folders the caller may read, one page at a time, with filters on text, ' +
            'state, severity, folder subtree, owner, approver (`me` works for both), `awaitingMe`, and the linked ' +
            'requirement assessment or applied control.',
          querystring: listExceptionsQuery,
          response: { 200: securityExceptionPage },
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
      '/security-exceptions/:id',
      {
        schema: {
          operationId: 'getSecurityException',
          tags,
          description:
            'One security exception with the requirement assessments and applied controls the caller may read.',
          params: exceptionIdParams,
          response: { 200: securityExceptionSchema },
        },
      },
      async (request) => service.detail(await accessFor(db, requireOrgCaller(request)), request.params.id),
    );

    app.post(
      '/security-exceptions',
      {
        schema: {
          operationId: 'createSecurityException',
          tags,
          description:
            'Creates a security exception (state draft) in `folderId` (needs security_exception:create there). The ' +
            'owner must be a member who may read security exceptions in that folder, the approver one who holds ' +
            'security_exception:approve there (400 naming the field).',
          body: createExceptionBody,
          response: { 201: securityExceptionSchema },
        },
      },
      async (request, reply) => {
        const access = await accessFor(db, requireOrgCaller(request));
        return reply.status(201).send(await service.create(access, auditContextOf(request), request.body));
      },
    );

    app.patch(
      '/security-exceptions/:id',
      {
        schema: {
          operationId: 'updateSecurityException',
          tags,
          description:
            'Changes fields of a security exception in draft or expired (409 otherwise); not its state (POST ' +
            '…/transition). Send the version you loaded (If-Match or `version`); a stale one answers 409.',
          params: exceptionIdParams,
          body: updateExceptionBody,
          response: { 200: securityExceptionSchema },
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
      '/security-exceptions/:id',
      {
        schema: {
          operationId: 'deleteSecurityException',
          tags,
          description:
            'Deletes a security exception: a draft with security_exception:delete; rejected, resolved or expired ' +
            'with security_exception:approve; in review or approved never (409).',
          params: exceptionIdParams,
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

    registerExceptionTransitionRoute(app, { db, clock, detail: service.detail });
    registerExceptionLinkRoutes(app, { db, detail: service.detail });
  },
};
