import type { AppContext, TypedApp } from '../../platform/context.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { assessmentIdParams } from './contracts.js';
import {
  frameworkVersionsSchema,
  upgradeBody,
  upgradePreviewBody,
  upgradeReportSchema,
  upgradeResultSchema,
} from './upgrade-contracts.js';
import { createUpgradeService } from './upgrade-service.js';

/** Moving an assessment to another loaded version of its framework: the candidates, a preview, the upgrade. */
export function registerUpgradeRoutes(app: TypedApp, ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  const service = createUpgradeService({ db });
  const tags = ['compliance-assessments'];
  const base = '/compliance-assessments/:id';

  app.get(
    `${base}/upgrade-targets`,
    {
      schema: {
        operationId: 'listComplianceAssessmentUpgradeTargets',
        tags,
        description:
          'The other loaded versions of the assessment’s framework (same URN) the organisation can see, most ' +
          'recently loaded first, each with how its version label compares with the current one.',
        params: assessmentIdParams,
        response: { 200: frameworkVersionsSchema },
      },
    },
    async (request) => service.targets(await request.access(), request.params.id),
  );

  app.post(
    `${base}/upgrade-preview`,
    {
      schema: {
        operationId: 'previewComplianceAssessmentUpgrade',
        tags,
        description:
          'What moving the assessment to another version of its framework would do, matching requirements by ' +
          'URN: requirement assessments added, removed (with their result and link counts) and kept with a ' +
          'changed requirement, scores that no longer fit the scale. Writes nothing; needs ' +
          'compliance_assessment:update. 400 when the target is not another visible version of the same URN.',
        params: assessmentIdParams,
        body: upgradePreviewBody,
        response: { 200: upgradeReportSchema },
      },
    },
    async (request) => service.preview(await request.access(), request.params.id, request.body.frameworkId),
  );

  app.post(
    `${base}/upgrade`,
    {
      schema: {
        operationId: 'upgradeComplianceAssessment',
        tags,
        description:
          'Moves the assessment to another version of its framework in one transaction: matching requirement ' +
          'assessments keep result, status, score (when it fits the new scale), observation and links; new ' +
          'assessable requirements in scope get a requirement assessment; those whose requirement disappeared ' +
          'or left the scope are removed and their content written to the audit event ' +
          '`compliance_assessment.upgraded` with the report. Needs compliance_assessment:update; 409 when the ' +
          'assessment is locked (done) or the version is stale.',
        params: assessmentIdParams,
        body: upgradeBody,
        response: { 200: upgradeResultSchema },
      },
    },
    async (request) => {
      return service.upgrade(
        await request.access(),
        request.audit,
        request.params.id,
        expectedVersion(request, request.body.version),
        request.body.frameworkId,
      );
    },
  );
}
