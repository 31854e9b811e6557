import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countControlsInFolder } from './queries.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'applied control(s)',
    count: await countControlsInFolder(db, folderId),
  })),
];
