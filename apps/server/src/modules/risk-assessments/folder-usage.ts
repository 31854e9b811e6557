import { answer } from '../../platform/usage.js';
import { folderContents } from '../folders/index.js';
import { countAssessmentsInFolder } from './queries.js';

// Scenarios live in their assessment's folder, so counting assessments covers them.
/** What this module keeps in a folder (see folders/usage.ts). */
export const folderContentsAnswers = [
  answer(folderContents, async ({ db, folderId }) => ({
    what: 'risk assessment(s)',
    count: await countAssessmentsInFolder(db, folderId),
  })),
];
