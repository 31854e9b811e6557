import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countAcceptancesInFolder } from './queries.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'risk acceptance(s)',
    count: await countAcceptancesInFolder(db, folderId),
  })),
];
