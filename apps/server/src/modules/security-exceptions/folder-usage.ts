import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countExceptionsInFolder } from './queries.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'security exception(s)',
    count: await countExceptionsInFolder(db, folderId),
  })),
];
