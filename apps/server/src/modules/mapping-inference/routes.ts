import type { ModuleDefinition } from '../../platform/context.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import {
  assessmentIdParams,
  inferBody,
  inferResponse,
  previewBody,
  previewResponse,
  reachableQuery,
  reachableResponse,
  refreshBody,
  refreshResponse,
} from './contracts.js';
import { createMappingInferenceService } from './service.js';

/** Mapping inference: results of assessments carried through mapping sets to another framework's assessment. */
export const mappingInferenceModule: ModuleDefinition = {
  name: 'mapping-inference',
  register(app, { db }) {
    const service = createMappingInferenceService({ db });
    const tags = ['mapping-inference'];

    app.post(
      '/mapping-inference/preview',
      {
        schema: {
          operationId: 'previewMappingInference',
          tags,
          description:
            'What inference would propose for each assessable requirement of the target framework, with the trace ' +
            'of every source and the counts per outcome. Writes nothing. Needs compliance_assessment:read on every ' +
            'source.',
          body: previewBody,
          response: { 200: previewResponse },
        },
      },
      async (request) => {
        return service.preview(await request.access(), request.body);
      },
    );

    app.get(
      '/mapping-inference/reachable-frameworks',
      {
        schema: {
          operationId: 'listReachableFrameworks',
          tags,
          description:
            'Frameworks the given framework leads to through mapping sets (read both ways), nearest first, up to ' +
            'four sets away: the targets inference can fill from an assessment of it.',
          querystring: reachableQuery,
          response: { 200: reachableResponse },
        },
      },
      async (request) => {
        return service.reachable(await request.access(), request.query.frameworkId);
      },
    );

    app.post(
      '/compliance-assessments/infer',
      {
        schema: {
          operationId: 'inferComplianceAssessment',
          tags: [...tags, 'compliance-assessments'],
          description:
            'Creates an assessment of the target framework in `folderId` whose results are inferred from the source ' +
            'assessments through mapping sets (each marked `inferred` with its trace, until a person confirms it). ' +
            'Needs compliance_assessment:read on the sources and compliance_assessment:create in the folder.',
          body: inferBody,
          response: { 201: inferResponse },
        },
      },
      async (request, reply) => {
        const created = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/compliance-assessments/:id/refresh-inference',
      {
        schema: {
          operationId: 'refreshComplianceAssessmentInference',
          tags: [...tags, 'compliance-assessments'],
          description:
            'Runs inference again from the sources (by default those the assessment was inferred from). Only ' +
            'requirement assessments still not assessed or still inferred change; a result a person set or ' +
            'confirmed stays. Send the assessment version you loaded (If-Match or `version`); stale → 409.',
          params: assessmentIdParams,
          body: refreshBody,
          response: { 200: refreshResponse },
        },
      },
      async (request) => {
        const { version, ...body } = request.body;
        return service.refresh(
          await request.access(),
          request.audit,
          request.params.id,
          expectedVersion(request, version),
          body,
        );
      },
    );
  },
};
