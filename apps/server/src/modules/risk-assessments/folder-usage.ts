import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countAssessmentsInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counter is global.
// Scenarios live in their assessment's folder, so counting assessments covers them.
registerFolderUsage(async (db, folderId) => ({
  what: 'risk assessment(s)',
  count: await countAssessmentsInFolder(db, folderId),
}));
