import { z } from 'zod';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import {
  createAssessmentBody,
  deleteQuery,
  idParams,
  listAssessmentsQuery,
  rerateBody,
  riskAssessmentPage,
  riskAssessmentSchema,
  updateAssessmentBody,
} from './contracts.js';
import { createRerateService } from './rerate.js';
import { createRiskAssessmentService } from './service.js';

export function registerAssessmentRoutes(app: TypedApp, { db, clock }: Pick<AppContext, 'db' | 'clock'>) {
  const service = createRiskAssessmentService({ db, clock });
  const rerate = createRerateService({ db });
  const tags = ['risk-assessments'];

  app.get(
    '/risk-assessments',
    {
      schema: {
        operationId: 'listRiskAssessments',
        tags,
        description:
          'Risk assessments in the folders the caller may read, one page at a time, filtered by text, folder ' +
          'subtree, status and matrix, with their scenario counts (0 where the caller lacks risk_scenario:read).',
        querystring: listAssessmentsQuery,
        response: { 200: riskAssessmentPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/risk-assessments/:id',
    {
      schema: {
        operationId: 'getRiskAssessment',
        tags,
        description:
          'One risk assessment with its matrix (definition included), authors, reviewers and figures: scenarios, ' +
          'rated, flagged today, and scenarios per treatment (all 0 without risk_scenario:read in its folder).',
        params: idParams,
        response: { 200: riskAssessmentSchema },
      },
    },
    async (request) => {
      return service.detail(await request.access(), request.params.id);
    },
  );

  app.post(
    '/risk-assessments',
    {
      schema: {
        operationId: 'createRiskAssessment',
        tags,
        description:
          'Creates a risk assessment in `folderId` (needs risk_assessment:create there) on a built-in matrix or ' +
          'one of the organisation (404 otherwise); `riskToleranceLevel` indexes the matrix’s risk levels.',
        body: createAssessmentBody,
        response: { 201: riskAssessmentSchema },
      },
    },
    async (request, reply) => {
      const created = await service.create(await request.access(), request.audit, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/risk-assessments/:id',
    {
      schema: {
        operationId: 'updateRiskAssessment',
        tags,
        description:
          'Changes fields of a risk assessment. `folderId` moves it with its scenarios; `status` done, or leaving ' +
          'done/deprecated, needs risk_assessment:approve (a status move alone needs only that); while done or ' +
          'deprecated only `status` may change, other fields answer 409 `risk_assessment_locked`; `riskMatrixId` ' +
          'answers 409 `matrix_change_needs_rerating` once a scenario is rated (use re-rate). Send the version ' +
          '(409 when stale).',
        params: idParams,
        body: updateAssessmentBody,
        response: { 200: riskAssessmentSchema },
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
    '/risk-assessments/:id',
    {
      schema: {
        operationId: 'deleteRiskAssessment',
        tags,
        description:
          'Deletes a risk assessment and its scenarios (needs risk_assessment:delete). Answers 409 while an ' +
          'accepted risk acceptance covers one of its scenarios, or when the version is stale.',
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

  app.post(
    '/risk-assessments/:id/re-rate',
    {
      schema: {
        operationId: 'rerateRiskAssessment',
        tags,
        description:
          'Moves the assessment to another matrix in one transaction: every scenario’s ratings go through ' +
          '`probabilityMap` and `impactMap` (old index → new index, covering the old scales and landing in the new ' +
          'ones, else 400 naming the index), levels are recomputed, and each changed scenario gets a ' +
          '`risk_scenario.re_rated` audit event with its old and new ratings. 409 when the assessment is locked.',
        params: idParams,
        body: rerateBody,
        response: { 200: riskAssessmentSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      const { version, ...input } = request.body;
      await rerate(access, request.audit, request.params.id, expectedVersion(request, version), input);
      return service.detail(access, request.params.id);
    },
  );
}
