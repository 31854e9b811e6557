import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countAssessmentsInFolder } from './assessment-queries.js';
import { countFindingsInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counters are global.
registerFolderUsage(async (db, folderId) => ({ what: 'finding(s)', count: await countFindingsInFolder(db, folderId) }));
registerFolderUsage(async (db, folderId) => ({
  what: 'findings assessment(s)',
  count: await countAssessmentsInFolder(db, folderId),
}));
