// The public face of the threats module: what other modules may use (see docs/ARCHITECTURE.md).
export { builtinReadOnly, matrixInUse } from './domain-errors.js';
export { threats } from './tables.js';
export { readUploadedText } from './upload.js';
export { threatDeletion } from './usage.js';
export { fileRejected, readLibraryYaml } from './yaml-import.js';
