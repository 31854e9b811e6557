import type { TypedApp } from '../../platform/context.js';
import type { Database } from '../../platform/db/client.js';
import { expectedVersion } from '../../platform/http/versioning.js';
import { assetSettingsSchema, updateAssetSettingsBody } from './contracts.js';
import { createAssetSettingsService } from './settings-service.js';

/** `GET|PUT /asset-settings`: the security-objective scale and the objectives in use. */
export function registerAssetSettingsRoutes(app: TypedApp, deps: { db: Database }) {
  const { db } = deps;
  const service = createAssetSettingsService({ db });
  const tags = ['assets'];

  app.get(
    '/asset-settings',
    {
      schema: {
        operationId: 'getAssetSettings',
        tags,
        description:
          'The organisation’s security-objective scale (levels with names and descriptions) and the enabled ' +
          'objectives. Without saved settings: Low, Medium, High, Critical (0–3) and confidentiality, integrity, ' +
          'availability (version 0). Needs asset:read somewhere in the organisation.',
        response: { 200: assetSettingsSchema },
      },
    },
    async (request) => service.get(await request.access()),
  );

  app.put(
    '/asset-settings',
    {
      schema: {
        operationId: 'updateAssetSettings',
        tags,
        description:
          'Replaces the objective scale (2–10 levels, distinct numbers and names) and the enabled objectives. ' +
          'Needs asset:update on the root folder. A level still used by an asset cannot be removed (409). Send ' +
          'the version you loaded (0 for the defaults); a stale one answers 409.',
        body: updateAssetSettingsBody,
        response: { 200: assetSettingsSchema },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return service.update(await request.access(), request.audit, expectedVersion(request, version), input);
    },
  );
}
