import type { ModuleDefinition } from '../../platform/context.js';
import { coverageResponse, dashboardResponse, folderFilterQuery, frameworkIdParams } from './contracts.js';
import { createOverviewService } from './service.js';

/** Read-only views across controls, evidence and assessments: framework coverage and the compliance dashboard. */
export const overviewModule: ModuleDefinition = {
  name: 'overview',
  register(app, { db, clock }) {
    const service = createOverviewService({ db, clock });

    app.get(
      '/frameworks/:id/coverage',
      {
        schema: {
          operationId: 'getFrameworkCoverage',
          tags: ['overview', 'frameworks'],
          description:
            'Per requirement of the framework, the applied controls linked to it (in folders where the caller reads ' +
            'controls) with their evidence, and totals: covered (an active control), partial (controls, none ' +
            'active), gaps (none). `folderId` keeps the controls of that subtree.',
          params: frameworkIdParams,
          querystring: folderFilterQuery,
          response: { 200: coverageResponse },
        },
      },
      async (request) => {
        return service.coverage(await request.access(), request.params.id, request.query.folderId);
      },
    );

    app.get(
      '/compliance/dashboard',
      {
        schema: {
          operationId: 'getComplianceDashboard',
          tags: ['overview'],
          description:
            'Compliance figures of what the caller may read: per assessment (deprecated left out) and per framework ' +
            'the results, compliance and progress; results overall; applied controls by status; evidence expired ' +
            'or expiring within 30 days (counts and the first items). `folderId` narrows to a subtree.',
          querystring: folderFilterQuery,
          response: { 200: dashboardResponse },
        },
      },
      async (request) => {
        return service.dashboard(await request.access(), request.query.folderId);
      },
    );
  },
};
