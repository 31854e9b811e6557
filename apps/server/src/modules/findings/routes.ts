import type { ModuleDefinition } from '../../platform/context.js';
import { registerAssessmentRoutes } from './assessment-routes.js';
import { registerFindingRoutes } from './finding-routes.js';
import { folderContentsAnswers } from './folder-usage.js';
import { registerFindingLinkRoutes } from './link-routes.js';
import { createFindingService } from './service.js';
import { registerSlaRoutes } from './sla-routes.js';

/** Findings, the findings assessments grouping them, their links, and the organisation's fixing SLAs. */
export const findingsModule: ModuleDefinition = {
  name: 'findings',
  answers: folderContentsAnswers,
  register(app, { db, clock }) {
    const service = createFindingService({ db, clock });
    registerFindingRoutes(app, { db, service });
    registerFindingLinkRoutes(app, { db, detail: service.detail });
    registerAssessmentRoutes(app, { db, clock });
    registerSlaRoutes(app, { db });
  },
};
