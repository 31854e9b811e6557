import type { AppContext, TypedApp } from '../../platform/context.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { assessmentIdParams } from './contracts.js';
import {
  bulkBody,
  bulkResult,
  linksBody,
  requirementAssessmentParams,
  requirementAssessmentSchema,
  updateRequirementAssessmentBody,
} from './requirement-contracts.js';
import { createRequirementAssessmentService } from './requirement-service.js';

/** The assessment of single requirements: read, change, link evidence and controls, and bulk changes. */
export function registerRequirementAssessmentRoutes(app: TypedApp, ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  const service = createRequirementAssessmentService({ db });
  const tags = ['requirement-assessments'];
  const base = '/requirement-assessments';

  app.get(
    `${base}/:id`,
    {
      schema: {
        operationId: 'getRequirementAssessment',
        tags,
        description:
          'One requirement assessment with the requirement’s text, the observation, the inference trace and ' +
          'the linked evidence and applied controls the caller may read (links into other folders stay hidden).',
        params: requirementAssessmentParams,
        response: { 200: requirementAssessmentSchema },
      },
    },
    async (request) => service.get(await request.access(), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        operationId: 'updateRequirementAssessment',
        tags,
        description:
          'Sets status, result, score (within the framework’s scale), observation; `inferred: false` confirms ' +
          'an inferred result and setting a result clears it. Reviewers (compliance_assessment:review) may set ' +
          'status and observation. 409 when the assessment is locked or the version is stale.',
        params: requirementAssessmentParams,
        body: updateRequirementAssessmentBody,
        response: { 200: requirementAssessmentSchema },
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

  app.put(
    `${base}/:id/links`,
    {
      schema: {
        operationId: 'setRequirementAssessmentLinks',
        tags,
        description:
          'Replaces the linked evidence and/or applied controls (each list given replaces that list). Every ' +
          'id must be of the organisation and readable by the caller (400 naming the field otherwise). Only the ' +
          'links the caller can read are replaced: links to evidence or controls in folders they cannot read stay.',
        params: requirementAssessmentParams,
        body: linksBody,
        response: { 200: requirementAssessmentSchema },
      },
    },
    async (request) => {
      const { version, ...links } = request.body;
      return service.setLinks(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, version),
        links,
      );
    },
  );

  app.post(
    '/compliance-assessments/:id/requirement-assessments/bulk',
    {
      schema: {
        operationId: 'bulkUpdateRequirementAssessments',
        tags,
        description:
          'Applies one change to many requirement assessments of the assessment in one transaction: all or ' +
          'nothing. Each item carries the version loaded; stale ones → 409 naming their ids.',
        params: assessmentIdParams,
        body: bulkBody,
        response: { 200: bulkResult },
      },
    },
    async (request) => {
      return service.bulk(
        await request.access(),
        request.audit,
        request.params.id,
        request.body.items,
        request.body.changes,
      );
    },
  );
}
