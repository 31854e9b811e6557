import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countAssessmentsInFolder } from './assessment-queries.js';
import { countFindingsInFolder } from './queries.js';

/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'finding(s)',
    count: await countFindingsInFolder(db, folderId),
  })),
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'findings assessment(s)',
    count: await countAssessmentsInFolder(db, folderId),
  })),
];
