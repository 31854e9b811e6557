import { z } from 'zod';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import {
  createFindingBody,
  deleteQuery,
  findingPage,
  findingSchema,
  idParams,
  listFindingsQuery,
  updateFindingBody,
} from './contracts.js';
import type { FindingService } from './service.js';

export function registerFindingRoutes(app: TypedApp, deps: { db: Database; service: FindingService }) {
  const { service } = deps;
  const tags = ['findings'];

  app.get(
    '/findings',
    {
      schema: {
        operationId: 'listFindings',
        tags,
        description:
          'Findings in the folders the caller may read, one page at a time. Filters: text, severity, status, open, ' +
          'overdue, folder subtree, owner, findings assessment, linked asset, applied control or risk scenario. ' +
          '`sort=-severity` lists critical first; `dueDate` sorts findings without one last.',
        querystring: listFindingsQuery,
        response: { 200: findingPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/findings/:id',
    {
      schema: {
        operationId: 'getFinding',
        tags,
        description:
          'One finding with the assets, applied controls and risk scenarios linked to it that the caller may read.',
        params: idParams,
        response: { 200: findingSchema },
      },
    },
    async (request) => service.detail(await request.access(), request.params.id),
  );

  app.post(
    '/findings',
    {
      schema: {
        operationId: 'createFinding',
        tags,
        description:
          'Creates a finding (needs finding:create in its folder). In a findings assessment it goes to the ' +
          "assessment's folder unless `folderId` says otherwise. Without `dueDate` the due date comes from the " +
          "organisation's SLA for the severity.",
        body: createFindingBody,
        response: { 201: findingSchema },
      },
    },
    async (request, reply) => {
      const access = await request.access();
      return reply.status(201).send(await service.create(access, request.audit, request.body));
    },
  );

  app.patch(
    '/findings/:id',
    {
      schema: {
        operationId: 'updateFinding',
        tags,
        description:
          'Changes fields of a finding; `null` clears an optional field, `folderId` moves it. A due date computed ' +
          'from the SLA follows a severity change; one set by hand stays. Closing or dismissing stamps `closedAt`, ' +
          'reopening clears it. Send the version you loaded (If-Match or `version`); a stale one answers 409.',
        params: idParams,
        body: updateFindingBody,
        response: { 200: findingSchema },
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
    '/findings/:id',
    {
      schema: {
        operationId: 'deleteFinding',
        tags,
        description: 'Deletes a finding and its links (the linked objects stay). Send the version.',
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
}
