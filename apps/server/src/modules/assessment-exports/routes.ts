import type { ModuleDefinition } from '../../platform/context.js';
import { registerExportRoutes } from './export-routes.js';
import { registerImportRoutes } from './import/routes.js';
import { registerLibraryTemplateRoute } from './template-route.js';

/**
 * Files in and out of an assessment: XLSX/CSV exports that import back, OSCAL assessment-results, the Statement
 * of Applicability (XLSX, PDF); and the library's framework template workbook.
 */
export const assessmentExportsModule: ModuleDefinition = {
  name: 'assessment-exports',
  async register(app, ctx) {
    registerExportRoutes(app, ctx);
    await registerImportRoutes(app, ctx);
    registerLibraryTemplateRoute(app, ctx);
  },
};
