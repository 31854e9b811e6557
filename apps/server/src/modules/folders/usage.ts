import type { DbOrTx } from '../../platform/db/client.js';
import { usageQuestion } from '../../platform/usage.js';

/** What one module keeps in a folder, e.g. `{ what: 'applied control(s)', count: 3 }`. */
export interface FolderContents {
  what: string;
  count: number;
}

/**
 * "What lives in this folder?" A folder can be deleted only when every module that stores objects in folders
 * answers a count of 0. Asked inside the deleting transaction.
 */
export const folderContents = usageQuestion<{ db: DbOrTx; folderId: string }, Promise<FolderContents>>(
  'folders.contents',
);
