// The public face of the folders module: what other modules may use (see docs/ARCHITECTURE.md).
export { folderById, folderPathOf, foldersOf, subtreeOf } from './lookups.js';
export { findFolder, findRootFolder } from './queries.js';
export { folders } from './tables.js';
export { folderContents } from './usage.js';
