import type { ModuleDefinition } from '../../platform/context.js';
import { registerExportRoutes } from './export-routes.js';
import { registerImportRoute } from './import/routes.js';

/** Files in and out of a risk assessment: the register as XLSX and PDF, and a register imported from XLSX. */
export const riskExportsModule: ModuleDefinition = {
  name: 'risk-exports',
  async register(app, ctx) {
    registerExportRoutes(app, ctx);
    await registerImportRoute(app, ctx);
  },
};
