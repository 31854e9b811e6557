import { registerFolderUsage } from '../../platform/folder-usage.js';
import { countEvidenceInFolder } from './queries.js';

// At import time, not in `register`: apps are built many times per process (tests) but the counter is global.
registerFolderUsage(async (db, folderId) => ({ what: 'evidence', count: await countEvidenceInFolder(db, folderId) }));
