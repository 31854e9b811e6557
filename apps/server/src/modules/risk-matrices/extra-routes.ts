import multipart from '@fastify/multipart';
import type { AppContext, TypedApp } from '../../platform/context.js';
import { readUploadedText } from '../threats/index.js';
import {
  importQuery,
  matrixIdParams,
  matrixImportResult,
  reviseMatrixBody,
  revisionList,
  riskMatrixSchema,
} from './contracts.js';
import { parseMatrixLibrary } from './import-parse.js';
import { createMatrixImportService } from './import-service.js';
import type { createRiskMatrixService } from './service.js';
import { matrixUseCount } from './usage.js';

const tags = ['risk-matrices'];

/** Revisions (versioning) and the CISO Assistant import. */
export async function registerMatrixExtraRoutes(
  app: TypedApp,
  ctx: AppContext,
  service: ReturnType<typeof createRiskMatrixService>,
) {
  const { db, config } = ctx;

  app.get(
    '/risk-matrices/:id/revisions',
    {
      schema: {
        operationId: 'listRiskMatrixRevisions',
        tags,
        description: 'Every revision of the matrix (same URN) the caller may read, oldest first, with its use count.',
        params: matrixIdParams,
        response: { 200: revisionList },
      },
    },
    async (request) => {
      return service.revisions(await request.access(), request.params.id);
    },
  );

  app.post(
    '/risk-matrices/:id/revisions',
    {
      schema: {
        operationId: 'createRiskMatrixRevision',
        tags,
        description:
          'Adds the next revision of an organisation matrix (same URN, highest revision + 1, same folder) with a new ' +
          'definition; the revision it starts from stays as it is, and assessments using it keep rating on it until ' +
          'they are re-rated. Needs risk_matrix:create on the folder. Built-ins answer 403 `builtin_read_only` ' +
          '(copy them first).',
        params: matrixIdParams,
        body: reviseMatrixBody,
        response: { 201: riskMatrixSchema },
      },
    },
    async (request, reply) => {
      const revision = await service.revise(await request.access(), request.audit, request.params.id, request.body);
      return reply.status(201).send(revision);
    },
  );

  const imports = createMatrixImportService({ db, inUse: matrixUseCount(ctx.usage) });
  await app.register(async (scope: TypedApp) => {
    await scope.register(multipart, {
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 1, fieldSize: 100, parts: 2 },
    });
    scope.post(
      '/risk-matrices/import',
      {
        schema: {
          operationId: 'importRiskMatrices',
          tags,
          description:
            'Imports the risk matrices of a CISO Assistant library YAML (multipart/form-data, field `file`; ' +
            '`objects.risk_matrix`: urn, ref_id, name, description, probability, impact, risk with hexcolor, grid) ' +
            'into `folderId` (needs risk_matrix:create there). Matched by URN within the organisation: unchanged ' +
            'matrices are left alone (importing twice changes nothing); a changed one is edited in place while no ' +
            'assessment uses it, otherwise added as a new revision. A bad file answers 400 with every problem ' +
            'located (YAML path and line); nothing is written.',
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: matrixImportResult },
        },
      },
      async (request) => {
        const access = await request.access();
        await imports.checkFolder(access, request.query.folderId);
        const file = await readUploadedText(request);
        const matrices = parseMatrixLibrary(file.text, file.name);
        return imports.importMatrices(access, request.audit, request.query.folderId, matrices);
      },
    );
  });
}
