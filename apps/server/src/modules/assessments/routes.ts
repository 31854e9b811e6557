import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import {
  assessmentIdParams,
  assessmentPage,
  assessmentSchema,
  assessmentSummary,
  compareParams,
  compareSchema,
  createAssessmentBody,
  listAssessmentsQuery,
  updateAssessmentBody,
  versionQuery,
} from './contracts.js';
import { deletionGuards } from './deletion-guards.js';
import { countInFolder } from './queries.js';
import { workspacePayload } from './requirement-contracts.js';
import { registerRequirementAssessmentRoutes } from './requirement-routes.js';
import { createAssessmentService } from './service.js';
import { registerUpgradeRoutes } from './upgrade-routes.js';
import { createWorkspaceService } from './workspace-service.js';

export const assessmentsModule: ModuleDefinition = {
  name: 'assessments',
  answers: [
    ...deletionGuards,
    answer(folderContents, async ({ db, folderId }) => ({
      what: 'compliance assessment(s)',
      count: await countInFolder(db, folderId),
    })),
  ],
  register(app, { db }) {
    const service = createAssessmentService({ db });
    const workspace = createWorkspaceService({ db });
    const tags = ['compliance-assessments'];
    const base = '/compliance-assessments';

    app.get(
      base,
      {
        schema: {
          operationId: 'listComplianceAssessments',
          tags,
          description:
            'Compliance assessments in folders where the caller holds compliance_assessment:read, each with its ' +
            'framework, progress and result counts (computed in the same query). Rows without a due date sort ' +
            'last in either direction. A `folderId` unknown to the organisation answers an empty page.',
          querystring: listAssessmentsQuery,
          response: { 200: assessmentPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          operationId: 'getComplianceAssessment',
          tags,
          description: 'One assessment with its framework, authors, reviewers, summary and the caller’s abilities.',
          params: assessmentIdParams,
          response: { 200: assessmentSchema },
        },
      },
      async (request) => service.get(await request.access(), request.params.id),
    );

    app.get(
      `${base}/:id/summary`,
      {
        schema: {
          operationId: 'getComplianceAssessmentSummary',
          tags,
          description:
            'Progress (share of requirements with a result other than not_assessed), score by the assessment’s ' +
            'scoring method and result counts, overall and per top-level section.',
          params: assessmentIdParams,
          response: { 200: assessmentSummary },
        },
      },
      async (request) => service.summary(await request.access(), request.params.id),
    );

    app.get(
      `${base}/:id/requirements`,
      {
        schema: {
          operationId: 'getComplianceAssessmentWorkspace',
          tags,
          description:
            'Every node of the framework tree in depth-first order, each with its requirement assessment (null ' +
            'for structural nodes and nodes out of scope). Link counts cover only evidence and applied controls ' +
            'the caller may read. A constant number of queries whatever the size.',
          params: assessmentIdParams,
          response: { 200: workspacePayload },
        },
      },
      async (request) => ({
        items: await workspace.requirements(await request.access(), request.params.id),
      }),
    );

    app.get(
      `${base}/:id/compare/:otherId`,
      {
        schema: {
          operationId: 'compareComplianceAssessments',
          tags,
          description:
            'How this assessment’s results differ from another’s (the baseline) of the same framework URN, ' +
            'matching requirements by URN across versions. 400 when the frameworks differ.',
          params: compareParams,
          response: { 200: compareSchema },
        },
      },
      async (request) => workspace.compare(await request.access(), request.params.id, request.params.otherId),
    );

    app.post(
      base,
      {
        schema: {
          operationId: 'createComplianceAssessment',
          tags,
          description:
            'Creates an assessment of a framework version in a folder (needs compliance_assessment:create there), ' +
            'with one requirement assessment per assessable requirement in the chosen implementation groups.',
          body: createAssessmentBody,
          response: { 201: assessmentSchema },
        },
      },
      async (request, reply) => {
        const created = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          operationId: 'updateComplianceAssessment',
          tags,
          description:
            'Changes an assessment. Status `done` locks it; archiving it (`deprecated`) keeps the lock; any move ' +
            'out of a locked state reopens it (clears the lock). Locking and every move out of a locked state ' +
            'need compliance_assessment:approve. Send the version you loaded (If-Match or `version`); stale → 409.',
          params: assessmentIdParams,
          body: updateAssessmentBody,
          response: { 200: assessmentSchema },
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
      `${base}/:id`,
      {
        schema: {
          operationId: 'deleteComplianceAssessment',
          tags,
          description: 'Deletes an assessment and its requirement assessments (needs compliance_assessment:delete).',
          params: assessmentIdParams,
          querystring: versionQuery,
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

    registerRequirementAssessmentRoutes(app, { db });
    registerUpgradeRoutes(app, { db });
  },
};
