// The public face of the assets module: what other modules may use (see docs/ARCHITECTURE.md).
export { assets } from './tables.js';
export { assetDeletion } from './usage.js';
