import type { AppContext, TypedApp } from '../../../platform/context.js';
import { decodeCursor } from '../../../platform/http/pagination.js';
import {
  listReferenceControlsQuery,
  referenceControlIdParams,
  referenceControlPage,
  referenceControlSchema,
} from './contracts.js';
import { createReferenceControlService } from './service.js';

/** Read access to the generic controls library files propose for their requirements. */
export function registerReferenceControls(app: TypedApp, ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  const service = createReferenceControlService({ db });
  const tags = ['reference-controls'];

  app.get(
    '/reference-controls',
    {
      schema: {
        operationId: 'listReferenceControls',
        tags,
        description:
          'Reference controls of the library and those the organisation imported, by URN. Filters: text in the ' +
          'ref id or name, category, CSF function. Needs framework:read somewhere in the organisation.',
        querystring: listReferenceControlsQuery,
        response: { 200: referenceControlPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/reference-controls/:id',
    {
      schema: {
        operationId: 'getReferenceControl',
        tags,
        description:
          'One reference control with the requirements of the loaded frameworks that propose it (at most 500; ' +
          '`requirementsTruncated` says when there are more).',
        params: referenceControlIdParams,
        response: { 200: referenceControlSchema },
      },
    },
    async (request) => {
      return service.get(await request.access(), request.params.id);
    },
  );
}
