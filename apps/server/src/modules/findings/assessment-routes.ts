import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { createAssessmentService } from './assessment-service.js';
import {
  createAssessmentBody,
  deleteQuery,
  findingsAssessmentPage,
  findingsAssessmentSchema,
  idParams,
  listAssessmentsQuery,
  updateAssessmentBody,
} from './contracts.js';

export function registerAssessmentRoutes(app: TypedApp, deps: { db: Database; clock: Clock }) {
  const service = createAssessmentService(deps);
  const tags = ['findings-assessments'];

  app.get(
    '/findings-assessments',
    {
      schema: {
        operationId: 'listFindingsAssessments',
        tags,
        description:
          'Findings assessments (audits, penetration tests, scans…) in the folders the caller may read, with the ' +
          'counts of their readable findings by severity and status, open and overdue. Filters: text, category, ' +
          'status, folder subtree.',
        querystring: listAssessmentsQuery,
        response: { 200: findingsAssessmentPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/findings-assessments/:id',
    {
      schema: {
        operationId: 'getFindingsAssessment',
        tags,
        description: 'One findings assessment with the figures of its findings.',
        params: idParams,
        response: { 200: findingsAssessmentSchema },
      },
    },
    async (request) => service.detail(await request.access(), request.params.id),
  );

  app.post(
    '/findings-assessments',
    {
      schema: {
        operationId: 'createFindingsAssessment',
        tags,
        description: 'Creates a findings assessment in `folderId` (needs finding:create there).',
        body: createAssessmentBody,
        response: { 201: findingsAssessmentSchema },
      },
    },
    async (request, reply) => {
      const access = await request.access();
      return reply.status(201).send(await service.create(access, request.audit, request.body));
    },
  );

  app.patch(
    '/findings-assessments/:id',
    {
      schema: {
        operationId: 'updateFindingsAssessment',
        tags,
        description:
          'Changes fields of a findings assessment; `folderId` moves it (its findings stay where they are). Send ' +
          'the version you loaded; a stale one answers 409.',
        params: idParams,
        body: updateAssessmentBody,
        response: { 200: findingsAssessmentSchema },
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
    '/findings-assessments/:id',
    {
      schema: {
        operationId: 'deleteFindingsAssessment',
        tags,
        description: 'Deletes a findings assessment; its findings stay, without an assessment. Send the version.',
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
