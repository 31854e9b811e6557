import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countMatricesInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counter is global.
registerFolderUsage(async (db, folderId) => ({
  what: 'risk matri(x/ces)',
  count: await countMatricesInFolder(db, folderId),
}));
