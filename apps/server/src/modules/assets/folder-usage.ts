import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countAssetsInFolder } from './queries.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'asset(s)',
    count: await countAssetsInFolder(db, folderId),
  })),
];
