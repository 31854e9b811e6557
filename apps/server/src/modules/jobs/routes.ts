import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { jobRunIdParams, jobRunPage, jobRunSchema, listJobRunsQuery } from './contracts.js';
import { createJobRunService } from './service.js';

export const jobsModule: ModuleDefinition = {
  name: 'jobs',
  register(app, { db }) {
    const service = createJobRunService({ db });
    const tags = ['jobs'];

    app.get(
      '/jobs',
      {
        schema: {
          operationId: 'listJobRuns',
          tags,
          description:
            'Background job runs of the organisation the caller may see (their own, and those in folders ' +
            'where they hold job:read), newest first.',
          querystring: listJobRunsQuery,
          response: { 200: jobRunPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/jobs/:id',
      {
        schema: {
          operationId: 'getJobRun',
          tags,
          description: 'One job run: status, progress (0–100) and message, result or error. Poll it while it runs.',
          params: jobRunIdParams,
          response: { 200: jobRunSchema },
        },
      },
      async (request) => {
        return service.get(await request.access(), request.params.id);
      },
    );
  },
};
