import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countAcceptancesInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counter is global.
registerFolderUsage(async (db, folderId) => ({
  what: 'risk acceptance(s)',
  count: await countAcceptancesInFolder(db, folderId),
}));
