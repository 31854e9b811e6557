import { z } from 'zod';
import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { decodeCursor } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import type { UsageHooks } from '../../platform/usage.js';
import {
  assetIdParams,
  assetPage,
  assetSchema,
  createAssetBody,
  deleteQuery,
  listAssetsQuery,
  updateAssetBody,
} from './contracts.js';
import { createAssetService } from './service.js';

const fieldRules =
  'Objective levels must be on the organisation’s scale and objectives enabled (400 naming the field); the MTD ' +
  'cannot be shorter than the RTO; a category must fit the type (business_process and information are primary).';

export function registerAssetCrudRoutes(app: TypedApp, deps: { db: Database; usage: UsageHooks }) {
  const { db } = deps;
  const service = createAssetService({ db, usage: deps.usage });
  const tags = ['assets'];

  app.get(
    '/assets',
    {
      schema: {
        operationId: 'listAssets',
        tags,
        description:
          'Assets in the folders the caller may read, one page at a time, with filters on text, type, category, ' +
          'folder subtree, owner, tag and "supports this asset".',
        querystring: listAssetsQuery,
        response: { 200: assetPage },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      return service.list(await request.access(), { ...query, cursor: decodeCursor(cursor) });
    },
  );

  app.get(
    '/assets/:id',
    {
      schema: {
        operationId: 'getAsset',
        tags,
        description:
          'One asset with its owners, the assets it supports and those supporting it, and its effective security ' +
          'objectives: per enabled objective, the highest of its own level and those of every asset it supports ' +
          '(transitively), with the asset(s) that set it and the path of "supports" edges up to the first one.',
        params: assetIdParams,
        response: { 200: assetSchema },
      },
    },
    async (request) => service.detail(await request.access(), request.params.id),
  );

  app.post(
    '/assets',
    {
      schema: {
        operationId: 'createAsset',
        tags,
        description: `Creates an asset in \`folderId\` (needs asset:create there). ${fieldRules}`,
        body: createAssetBody,
        response: { 201: assetSchema },
      },
    },
    async (request, reply) => {
      const access = await request.access();
      return reply.status(201).send(await service.create(access, request.audit, request.body));
    },
  );

  app.patch(
    '/assets/:id',
    {
      schema: {
        operationId: 'updateAsset',
        tags,
        description:
          'Changes fields of an asset; `null` clears an optional field, `ownerIds` replaces the owners, ' +
          '`securityObjectives` replaces the levels, `folderId` moves it (needs asset:create in the target). A ' +
          `supporting asset that supports others cannot become primary. ${fieldRules} Send the version you loaded ` +
          '(If-Match or `version`); a stale one answers 409.',
        params: assetIdParams,
        body: updateAssetBody,
        response: { 200: assetSchema },
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
    '/assets/:id',
    {
      schema: {
        operationId: 'deleteAsset',
        tags,
        description:
          'Deletes an asset with its dependency edges and owners (the assets on the other side stay) and its links ' +
          'from risk scenarios of open assessments. Answers 409 `risk_assessment_locked` while a scenario of a done ' +
          'or deprecated risk assessment links it. Send the version; a stale one answers 409.',
        params: assetIdParams,
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
}
