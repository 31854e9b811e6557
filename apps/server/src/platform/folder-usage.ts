import type { DbOrTx } from './db/client.js';

/**
 * A folder can be deleted only when nothing lives in it. Each module that stores objects in folders registers a
 * counter here, so the folders module never needs to know the other modules' tables.
 */
export type FolderUsageCounter = (db: DbOrTx, folderId: string) => Promise<{ what: string; count: number }>;

const counters: FolderUsageCounter[] = [];

export function registerFolderUsage(counter: FolderUsageCounter) {
  counters.push(counter);
}

export async function folderUsage(db: DbOrTx, folderId: string) {
  const results = await Promise.all(counters.map((count) => count(db, folderId)));
  return results.filter((r) => r.count > 0);
}
