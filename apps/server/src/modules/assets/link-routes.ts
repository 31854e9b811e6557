import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { assetIdParams, assetLinkParams, assetSchema, supportsLinkBody, supportsSetBody } from './contracts.js';
import { createAssetLinkService } from './link-service.js';
import { assetDetail } from './service.js';

const rules =
  'A primary asset supports nothing (409); an asset cannot support itself (400); a change that would close a ' +
  'cycle answers 409 naming it (e.g. "Server → App → Server"). Target assets must be readable by the caller ' +
  '(404 otherwise). Needs asset:update on the supporting asset; no version (a link is idempotent).';

/**
 * `PUT /assets/{id}/supports` replaces the set of assets `id` supports, `POST` adds one, `DELETE
 * …/supports/{targetId}` removes one. Each answers the asset as GET does.
 */
export function registerAssetLinkRoutes(app: TypedApp, deps: { db: Database }) {
  const { db } = deps;
  const links = createAssetLinkService({ db });
  const tags = ['assets'];

  app.put(
    '/assets/:id/supports',
    {
      schema: {
        operationId: 'setAssetSupports',
        tags,
        description: `Replaces the assets this asset supports. ${rules}`,
        params: assetIdParams,
        body: supportsSetBody,
        response: { 200: assetSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.replace(access, request.audit, request.params.id, request.body.supportedAssetIds);
      return assetDetail(db, access, request.params.id);
    },
  );

  app.post(
    '/assets/:id/supports',
    {
      schema: {
        operationId: 'addAssetSupport',
        tags,
        description: `Records that this asset supports \`supportedAssetId\`; again changes nothing. ${rules}`,
        params: assetIdParams,
        body: supportsLinkBody,
        response: { 200: assetSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.add(access, request.audit, request.params.id, request.body.supportedAssetId);
      return assetDetail(db, access, request.params.id);
    },
  );

  app.delete(
    '/assets/:id/supports/:targetId',
    {
      schema: {
        operationId: 'removeAssetSupport',
        tags,
        description: 'Removes the edge "this asset supports targetId" (404 when there is none). Needs asset:update.',
        params: assetLinkParams,
        response: { 200: assetSchema },
      },
    },
    async (request) => {
      const access = await request.access();
      await links.remove(access, request.audit, request.params.id, request.params.targetId);
      return assetDetail(db, access, request.params.id);
    },
  );
}
