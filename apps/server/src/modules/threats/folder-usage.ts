import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countThreatsInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counter is global.
registerFolderUsage(async (db, folderId) => ({ what: 'threat(s)', count: await countThreatsInFolder(db, folderId) }));
