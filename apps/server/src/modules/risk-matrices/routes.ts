import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/context.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { ensureBuiltinRiskMatrices } from './builtin.js';
import {
  createMatrixBody,
  deleteQuery,
  listMatricesQuery,
  matrixIdParams,
  riskMatrixPage,
  riskMatrixSchema,
  updateMatrixBody,
} from './contracts.js';
import { registerMatrixExtraRoutes } from './extra-routes.js';
import { folderContentsAnswers } from './folder-usage.js';
import { createRiskMatrixService } from './service.js';
import { matrixUseCount } from './usage.js';

export const riskMatricesModule: ModuleDefinition = {
  name: 'risk-matrices',
  answers: folderContentsAnswers,
  prepare: ensureBuiltinRiskMatrices,
  async register(app, ctx) {
    const { db } = ctx;
    const inUse = matrixUseCount(ctx.usage);
    const service = createRiskMatrixService({ db, inUse });
    const tags = ['risk-matrices'];

    app.get(
      '/risk-matrices',
      {
        schema: {
          operationId: 'listRiskMatrices',
          tags,
          description:
            'The built-in matrices (read-only, shared by every organisation) and the organisation’s own in the ' +
            'folders the caller may read, with their definition and how many risk assessments use them; the latest ' +
            'revision of each unless `allRevisions=true`.',
          querystring: listMatricesQuery,
          response: { 200: riskMatrixPage },
        },
      },
      async (request) => {
        const { cursor, ...query } = request.query;
        return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
      },
    );

    app.get(
      '/risk-matrices/:id',
      {
        schema: {
          operationId: 'getRiskMatrix',
          tags,
          description: 'One matrix revision with its definition and use count.',
          params: matrixIdParams,
          response: { 200: riskMatrixSchema },
        },
      },
      async (request) => {
        return service.detail(await request.access(), request.params.id);
      },
    );

    app.post(
      '/risk-matrices',
      {
        schema: {
          operationId: 'createRiskMatrix',
          tags,
          description:
            'Creates an organisation matrix in `folderId` (needs risk_matrix:create there), from a `definition` ' +
            '(2×2 to 6×6; a wrong grid answers 400 naming the cell, e.g. `body.definition.grid.1.2`) or as a copy ' +
            'of `copyFromId` (a built-in or a readable matrix; the copy is a new matrix with its own URN).',
          body: createMatrixBody,
          response: { 201: riskMatrixSchema },
        },
      },
      async (request, reply) => {
        const matrix = await service.create(await request.access(), request.audit, request.body);
        return reply.status(201).send(matrix);
      },
    );

    app.patch(
      '/risk-matrices/:id',
      {
        schema: {
          operationId: 'updateRiskMatrix',
          tags,
          description:
            'Changes an organisation matrix in place, only while no risk assessment uses it; otherwise 409 ' +
            '`matrix_in_use` (add a revision instead). Send the version (If-Match or `version`). Built-ins answer ' +
            '403 `builtin_read_only`.',
          params: matrixIdParams,
          body: updateMatrixBody,
          response: { 200: riskMatrixSchema },
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
      '/risk-matrices/:id',
      {
        schema: {
          operationId: 'deleteRiskMatrix',
          tags,
          description:
            'Deletes one revision of an organisation matrix. Answers 409 `matrix_in_use` while a risk assessment ' +
            'uses it, 409 on a stale version, 403 `builtin_read_only` for built-ins.',
          params: matrixIdParams,
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

    await registerMatrixExtraRoutes(app, ctx, service);
  },
};
