import { answer } from '../../platform/usage.js';
import { countRecordsInFolder } from '../decision-records/index.js';
import { folderContents } from '../folders/index.js';
import { securityExceptions } from './tables.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'security exception(s)',
    count: await countRecordsInFolder(db, securityExceptions, folderId),
  })),
];
