import type { ModuleDefinition } from '../../platform/context.js';
import { registerAssetCrudRoutes } from './crud-routes.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerAssetLinkRoutes } from './link-routes.js';
import { registerAssetSettingsRoutes } from './settings-routes.js';
import { registerTransferRoutes } from './transfer/routes.js';

/** The asset inventory: assets, their dependency graph, the objective scale, and CSV/XLSX import and export. */
export const assetsModule: ModuleDefinition = {
  name: 'assets',
  answers: folderContentsAnswers,
  async register(app, ctx) {
    const { db } = ctx;
    registerAssetCrudRoutes(app, { db, usage: ctx.usage });
    registerAssetLinkRoutes(app, { db });
    registerAssetSettingsRoutes(app, { db });
    await registerTransferRoutes(app, ctx);
  },
};
